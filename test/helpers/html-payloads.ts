import { buildSpec } from './spec-builder.ts';

/**
 * HTML payloads for the unsafe-HTML check, shared by its unit test and the browser test that builds
 * the harmless ones with the CSP off: what must be refused, and what must stay allowed.
 */

export interface Payload {
	/** The Markdown put in the spec. */
	markdown: string;
	/** What the messages must name, each in a diagnostic of its own (`<script>`, `onerror=`, `javascript:`). */
	names: string[];
	/** The code, html-unsafe unless said. */
	code?: 'html-unsafe' | 'html-pagefind-attribute';
}

/** Payloads a browser would run (or that would spoof search), each with what its errors must name. */
export const PAYLOADS: Record<string, Payload> = {
	// What the issue reported.
	'a reference definition with a javascript: URL': { markdown: '[docs][r]\n\n[r]: javascript:alert(1)', names: ['javascript: URL in a reference definition'] },
	'an image definition with a data: URL': { markdown: '![chart][c]\n\n[c]: data:image/svg+xml,%3Csvg%20onload=alert(1)%3E', names: ['data: URL in a reference definition'] },
	'a definition with a title, its URL on the next line': { markdown: '[docs][r]\n\n[r]:\n  javascript:alert(1)\n  "Docs"', names: ['javascript: URL in a reference definition'] },
	'an unused definition': { markdown: '[r]: <javascript:alert(1)> "never used"', names: ['javascript:'] },
	"a quoted '>' hiding the attributes after it": { markdown: '<a title="a>b" onclick="alert(1)">x</a>', names: ['onclick='] },
	"a quoted '>' in a block": { markdown: '<div title=">" onmouseover=alert(1)>\nx\n</div>', names: ['onmouseover='] },
	'the comment <!--> closing at once': { markdown: '<!--> <img src=x onerror=alert(1)> -->', names: ['onerror='] },
	'the comment closed by --!>': { markdown: '<!-- a --!> <img src=x onerror=alert(1)> -->', names: ['onerror='] },
	'<!-- inside an attribute value': { markdown: '<img alt="<!--" src=x onerror=alert(1)> -->', names: ['onerror='] },
	'<svg><set to=javascript:>': { markdown: '<svg><a><set attributeName="href" to="javascript:alert(1)"/><text y="20">x</text></a></svg>', names: ['<svg>', '<set>', 'javascript: URL in to='] },
	'<svg><animate values=…javascript:>': { markdown: '<svg><a><animate attributeName="href" values="https://x;javascript:alert(1)"/></a></svg>', names: ['<svg>', '<animate>', 'javascript: URL in values='] },
	'<animate from/by>': { markdown: '<svg><a><animate attributeName="href" from="javascript:alert(1)" by="javascript:alert(2)"/></a></svg>', names: ['javascript: URL in from=', 'javascript: URL in by='] },
	'data-pagefind-filter spoofing the status': { markdown: '<span data-pagefind-filter="status:Approved"></span>', names: ['data-pagefind-filter= on <span>'], code: 'html-pagefind-attribute' },
	'data-pagefind-meta spoofing the author': { markdown: 'Text <b data-pagefind-meta="author:Someone Else">x</b>', names: ['data-pagefind-meta='], code: 'html-pagefind-attribute' },
	'data-pagefind-weight and -ignore': { markdown: '<p data-pagefind-weight="10" data-pagefind-ignore>x</p>', names: ['data-pagefind-weight=', 'data-pagefind-ignore='], code: 'html-pagefind-attribute' },

	// Schemes written so a string match misses them.
	'an entity-encoded scheme': { markdown: '<a href="jav&#x61;script:alert(1)">x</a>', names: ['javascript: URL in href= on <a>'] },
	'decimal entities, zero-padded, no semicolons': { markdown: '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>', names: ['javascript:'] },
	'&colon; and &Tab; entities': { markdown: '<a href="java&Tab;script&colon;alert(1)">x</a>', names: ['javascript:'] },
	'a tab inside the scheme': { markdown: '<a href="jav\tascript:alert(1)">x</a>', names: ['javascript:'] },
	'a line break inside the scheme': { markdown: '<a href="java\nscript:alert(1)">x</a>', names: ['javascript:'] },
	'a leading control character and spaces': { markdown: '<a href=" \u0001javascript:alert(1)">x</a>', names: ['javascript:'] },
	'upper case': { markdown: '<A HREF="JaVaScRiPt:alert(1)">x</A>', names: ['javascript: URL in href= on <a>'] },
	'vbscript:': { markdown: '<a href="vbscript:msgbox(1)">x</a>', names: ['vbscript:'] },
	'an entity-encoded scheme in a Markdown link': { markdown: '[x](jav&#x61;script:alert(1))', names: ['javascript: URL in a link'] },
	'a Markdown link in angle brackets': { markdown: '[x](<javascript:alert(1)>)', names: ['javascript: URL in a link'] },
	'an autolink': { markdown: '<javascript:alert(1)>', names: ['javascript: URL in a link'] },
	'a data: image': { markdown: '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)', names: ['data: URL in an image'] },

	// Elements and attributes that run or load script.
	'<script>': { markdown: '<script>window.__pwned = 1</script>', names: ['<script>'] },
	'<img onerror>': { markdown: '<img src=x onerror=alert(1)>', names: ['onerror= event handler on <img>'] },
	'upper-case event handler': { markdown: '<IMG SRC=x ONERROR=alert(1)>', names: ['onerror='] },
	'<svg onload>': { markdown: '<svg onload=alert(1)>', names: ['<svg>', 'onload= event handler on <svg>'] },
	'<details ontoggle>': { markdown: '<details open ontoggle=alert(1)><summary>x</summary></details>', names: ['ontoggle= event handler on <details>'] },
	'<svg><a xlink:href>': { markdown: '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', names: ['<svg>', 'javascript: URL in xlink:href= on <a>'] },
	'<math> with an xlink:href': { markdown: '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>', names: ['<math>', 'javascript: URL in xlink:href='] },
	'<iframe srcdoc>': { markdown: '<iframe srcdoc="<script>alert(1)</script>"></iframe>', names: ['<iframe>'] },
	'<form action>': { markdown: '<form action="javascript:alert(1)"><input type="submit"></form>', names: ['<form>', 'javascript: URL in action= on <form>'] },
	'<button formaction>': { markdown: '<button formaction="javascript:alert(1)">Go</button>', names: ['<button>', 'javascript: URL in formaction= on <button>'] },
	'<meta http-equiv=refresh>': { markdown: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', names: ['<meta>'] },
	'<base href>': { markdown: '<base href="javascript:alert(1)//">', names: ['<base>', 'javascript: URL in href= on <base>'] },
	'<object data>': { markdown: '<object data="data:text/html,<script>alert(1)</script>"></object>', names: ['<object>', 'data: URL in data= on <object>'] },
	'<embed src>': { markdown: '<embed src="javascript:alert(1)">', names: ['<embed>', 'javascript: URL in src= on <embed>'] },
	'<link rel=import>': { markdown: '<link rel="import" href="https://evil.example/x.html">', names: ['<link>'] },
	'<video poster> with a <source onerror>': { markdown: '<video poster="javascript:alert(1)"><source onerror="alert(2)"></video>', names: ['<video>', 'javascript: URL in poster=', 'onerror= event handler on <source>'] },
	'style with expression()': { markdown: '<div style="width: expression(alert(1))">x</div>', names: ['style= on <div>'] },
	'style with url(javascript:)': { markdown: '<span style="background:url(javascript:alert(1))">x</span>', names: ['style= on <span>'] },
	'<style> breaking out of itself': { markdown: '<style><img title="</style><img src=x onerror=alert(1)>"></style>', names: ['<style>', 'onerror='] },
	'<noscript> with scripting on': { markdown: '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', names: ['<noscript>', 'onerror='] },
	'<noscript> split across inline pieces': { markdown: 'Text <noscript> more <p title="</noscript><img src=x onerror=alert(1)>"> end', names: ['<noscript>', 'onerror= event handler on <img>'] },
	'<textarea> breaking out of itself': { markdown: '<textarea><p title="</textarea><img src=x onerror=alert(1)>"></textarea>', names: ['<textarea>', 'onerror='] },
	'<template>': { markdown: '<template><img src=x onerror=alert(1)></template>', names: ['<template>', 'onerror='] },
	'<img srcset> with data:': { markdown: '<img src="a.png" srcset="a.png 1x, data:image/svg+xml,x 2x" alt="">', names: ['data: URL in srcset= on <img>'] },
	'<picture><source srcset> with javascript:': { markdown: '<picture><source srcset="javascript:alert(1)"><img src="a.png" alt=""></picture>', names: ['javascript: URL in srcset= on <source>'] },
	'<body onload> after content': { markdown: '<div>x</div><body onload=alert(1)>', names: ['onload= event handler on a <body> tag'] },
	'<body onload> in a later block': { markdown: '<div>x</div>\n\nText.\n\n<p>y</p> <body class="x" onload=alert(1)>', names: ['onload= event handler on a <body> tag', 'class= on a <body> tag'] },
	'<table background>': { markdown: '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>', names: ['javascript: URL in background= on <table>'] },
	'<frameset onload>': { markdown: '<frameset onload=alert(1)>', names: ['onload='] },
	'several violations in one tag': { markdown: '<img src="javascript:alert(1)" onerror="alert(2)" onload="alert(3)">', names: ['javascript: URL in src= on <img>', 'onerror=', 'onload='] },
	'an unclosed comment swallowing the rest': { markdown: '<!-- never closed\n\nText.', names: ['an unclosed tag or comment'] },
	'an unclosed tag at the end of a block': { markdown: '<div title="\n\nText " onmouseover="alert(1)\n\n<b>x</b>', names: ['an unclosed tag or comment'] },
};

/** HTML authors write in specs, which must stay allowed. */
export const HARMLESS: Record<string, string> = {
	'<details> and <summary>': '<details>\n<summary>Why not a queue?</summary>\n\nBecause **ordering** matters.\n\n</details>',
	'<details open>': '<details open><summary>Open</summary>Shown.</details>',
	'<kbd>, <sup>, <sub>, <br>': 'Press <kbd>Ctrl</kbd>+<kbd>K</kbd>. E = mc<sup>2</sup>, H<sub>2</sub>O.<br>Next line.',
	'<abbr title>': 'The <abbr title="Service Level Objective">SLO</abbr> holds.',
	'a relative image with an empty alt': '<img src="./x.png" alt>',
	'an https link with a title': '<a href="https://example.com/runbook" title="Runbook">runbook</a>',
	'mailto:': '<a href="mailto:ana@example.com">Ana</a> and [Bo](mailto:bo@example.com) and <bo@example.com>',
	'relative links and anchors': '<a href="../ledger/idempotency.md">ledger</a>, <a href="#appendix">appendix</a>, [notes](./notes.txt), [top](#appendix)',
	'a table with alignment and spans': '<table>\n<thead><tr><th align="left">a</th><th colspan="2">b</th></tr></thead>\n<tbody><tr><td>1</td><td>2</td><td>3</td></tr></tbody>\n</table>',
	'ids for anchors, lang and dir': '<p id="note-1" lang="fr" dir="ltr">Bonjour</p>',
	'<div> around Markdown': '<div>\n\n- a list\n- inside\n\n</div>',
	'comments, closed': '<!-- TODO: add the numbers -->\n\nText <!-- inline --> more.',
	'a comment holding markup': '<!-- <script>alert(1)</script> <img onerror=x> -->',
	'<code> with a language class': '<pre><code class="language-sql">select 1;</code></pre>',
	'a task-list checkbox': '<input type="checkbox" disabled checked> done',
	'<picture> with https sources': '<picture><source srcset="https://cdn.example/a.webp 2x, https://cdn.example/b.webp 1x"><img src="https://cdn.example/a.png" alt="Chart"></picture>',
	'<q cite> and <blockquote cite>': '<q cite="https://example.com/q">quote</q>\n\n<blockquote cite="https://example.com">x</blockquote>',
	'<ins> and <del>': '<del>old</del> <ins>new</ins> <s>gone</s>',
	'ruby annotations': '<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>',
	'a reference definition with an https URL and a title': '[docs][r] and ![chart][c]\n\n[r]: https://example.com/docs "The docs"\n[c]: ./chart.png',
	'prose mentioning javascript: and data:': 'The javascript: scheme and data: URLs are refused; `<script>` in code is fine.\n\n```html\n<img src=x onerror=alert(1)>\n```',
	// Not a tag to CommonMark (an attribute needs white space before it), so the page shows it as text.
	'<svg/onload=…> in a paragraph': 'Old filters let <svg/onload=alert(1)> through.',
	'the word data-pagefind in text and code': 'Pagefind reads `data-pagefind-meta` attributes; we write them ourselves.',
};


/** What a payload does when it runs in the browser test: sets this marker instead of alerting. */
export const PWN = 'window.__pwned=1';

/** Each payload set to mark the page when it runs. */
export const markingPayloads = Object.entries(PAYLOADS).map(([name, payload]) => [name, payload.markdown.replaceAll('alert(1)', PWN)] as const);

/** A Draft spec with `appendix` in a section of its own. */
export const payloadSpec = (feature: string, appendix: string) => buildSpec({ feature, status: 'Draft', extraSections: [{ title: 'Appendix', body: appendix }] });

const fence = '~~~~~~~~';

/** The specs the browser test builds with the CSP off: the harmless set on one page, every payload shown as code on another. */
export const NO_CSP_SPECS: Record<string, string> = {
	'design/harmless.md': payloadSpec('Harmless HTML', Object.entries(HARMLESS).map(([name, markdown]) => `### ${name.replaceAll('<', '&lt;')}\n\n${markdown}\n`).join('\n')),
	'design/quoted.md': payloadSpec(
		'Payloads as code',
		markingPayloads.map(([name, markdown]) => `### ${name.replaceAll('<', '&lt;')}\n\n${fence}html\n${markdown}\n${fence}\n\nInline: \`\` ${markdown.replaceAll('\n', ' ').replaceAll('`', "'")} \`\`\n`).join('\n'),
	),
	'ledger/idempotency.md': payloadSpec('Idempotency', 'Linked from the harmless set.'),
	// The files the harmless set links to.
	'design/x.png': '',
	'design/chart.png': '',
	'design/notes.txt': '',
};
