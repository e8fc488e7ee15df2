/**
 * Word banks for the benchmark's synthetic specs: one vocabulary per product domain plus words
 * every domain shares. Enough distinct words that the search index grows the way a real
 * organisation's would, instead of indexing the same thirty words five thousand times.
 */

/** The vocabulary of one product domain. */
export interface Domain {
	/** Folder-friendly name, also used as a tag. */
	name: string;
	/** Services and components, written as code (`ledger-svc`). */
	systems: string[];
	/** Things the domain talks about. */
	nouns: string[];
	/** Qualifiers that make feature names (`idempotent`, `multi-currency`). */
	qualifiers: string[];
	/** What gets measured. */
	metrics: string[];
	/** Technologies and libraries. */
	tech: string[];
	/** Extra tags for the frontmatter. */
	tags: string[];
	/** Prefix of runbook and ticket codes (`PAY-RB-024`). */
	code: string;
}

const words = (text: string) => text.trim().split(/\s*\|\s*/u);

export const DOMAINS: readonly Domain[] = [
	{
		name: 'payments',
		systems: words('payment-gateway | refunds-svc | checkout-api | card-vault | payout-scheduler | fx-quotes | dispute-desk | tokenizer | acquirer-router | wallet-svc | giftcard-svc | risk-scorer'),
		nouns: words('authorization | capture | refund | chargeback | payout | settlement | acquirer | issuer | card token | 3-D Secure challenge | retry schedule | decline code | merchant account | payment intent | split tender | currency conversion | interchange fee | dispute evidence | cardholder | payment link | surcharge | billing descriptor | network token | installment plan'),
		qualifiers: words('idempotent | multi-currency | partial | asynchronous | cross-border | instant | scheduled | recurring | tokenised | soft-declined | deferred | network-level'),
		metrics: words('authorization rate | refund latency | dispute win rate | payout delay | soft decline rate | capture success | cost per transaction | retry recovery'),
		tech: words('Kotlin 2.0 | Go 1.23 | PostgreSQL 16 | Kafka 3.7 | Temporal | Redis 7 | gRPC | Envoy | Vault | Debezium'),
		tags: words('payments | checkout | merchants | cards | refunds | payouts'),
		code: 'PAY',
	},
	{
		name: 'ledger',
		systems: words('ledger-svc | journal-writer | balance-projector | reconciler | ledger-client | close-books | fx-revaluation | accruals-engine | statement-renderer | audit-exporter'),
		nouns: words('journal entry | posting | double-entry balance | chart of accounts | accrual | reconciliation break | trial balance | month-end close | sub-ledger | revaluation | suspense account | idempotency key | audit trail | general ledger | cost centre | write-off | period lock | bank statement | clearing account | deferred revenue'),
		qualifiers: words('immutable | append-only | real-time | reconciled | auditable | multi-entity | end-of-day | point-in-time | balanced | versioned'),
		metrics: words('reconciliation breaks | posting latency | close duration | unbalanced entries | projection lag | manual adjustments | audit findings'),
		tech: words('Java 21 | PostgreSQL 16 | Kafka Streams | Apache Iceberg | Flink 1.19 | dbt | Trino | Spring Boot 3'),
		tags: words('ledger | finance | accounting | reconciliation | audit'),
		code: 'LED',
	},
	{
		name: 'search',
		systems: words('search-api | indexer | query-parser | ranker | spellcheck-svc | synonym-store | autocomplete | feature-logger | catalog-sync | relevance-lab'),
		nouns: words('query | ranking model | inverted index | shard | replica | facet | synonym | typo tolerance | relevance judgment | click model | embedding | vector index | re-ranker | tokenizer | stop word | boost | query rewrite | zero-result query | autocomplete suggestion | snippet'),
		qualifiers: words('semantic | personalised | faceted | incremental | typo-tolerant | hybrid | multilingual | federated | low-latency | learned'),
		metrics: words('NDCG at 10 | zero-result rate | p95 query latency | click-through rate | index freshness | search conversion | abandonment rate'),
		tech: words('Elasticsearch 8.14 | OpenSearch 2.15 | Vespa | XGBoost 2.1 | FAISS | Spark 3.5 | Airflow 2.9 | MLflow'),
		tags: words('search | relevance | catalog | ranking | discovery'),
		code: 'SRC',
	},
	{
		name: 'identity',
		systems: words('auth-svc | session-store | mfa-gateway | directory-sync | token-issuer | consent-svc | account-recovery | passkey-registry | scim-bridge | policy-engine'),
		nouns: words('access token | refresh token | session | passkey | WebAuthn credential | one-time code | SAML assertion | OIDC client | role binding | permission | consent record | account takeover | recovery flow | device trust | service account | audit event | login attempt | identity provider | tenant | scope'),
		qualifiers: words('passwordless | federated | least-privilege | step-up | short-lived | phishing-resistant | attribute-based | delegated | revocable | zero-trust'),
		metrics: words('login success rate | MFA adoption | token issuance latency | account takeover rate | recovery completion | session length'),
		tech: words('Go 1.23 | Keycloak 25 | OPA | Redis 7 | PostgreSQL 16 | WebAuthn | Envoy ext_authz | Vault'),
		tags: words('identity | security | auth | sso | compliance'),
		code: 'IAM',
	},
	{
		name: 'infra',
		systems: words('deploy-pipeline | cluster-autoscaler | service-mesh | secrets-operator | cost-reporter | edge-proxy | dns-controller | backup-runner | image-builder | capacity-planner | log-shipper'),
		nouns: words('cluster | node pool | namespace | ingress | certificate | container image | rollout | canary | blue-green switch | autoscaling policy | spot instance | backup snapshot | disaster recovery drill | runbook | service level objective | error budget | load balancer | egress rule | terraform module | admission webhook'),
		qualifiers: words('multi-region | self-service | immutable | autoscaled | zero-downtime | declarative | cost-aware | ephemeral | hardened | observable'),
		metrics: words('deploy frequency | change failure rate | mean time to restore | cluster utilisation | monthly compute cost | pod start time | error budget burn'),
		tech: words('Kubernetes 1.31 | Terraform 1.9 | Argo CD | Istio 1.23 | Prometheus | Grafana | Karpenter | cert-manager | Cilium'),
		tags: words('infra | platform | kubernetes | reliability | cost'),
		code: 'INF',
	},
	{
		name: 'mobile',
		systems: words('ios-app | android-app | mobile-bff | push-gateway | feature-flags | crash-reporter | offline-sync | deep-link-router | release-train | app-config'),
		nouns: words('push notification | deep link | offline cache | app release | crash report | feature flag | onboarding flow | in-app message | widget | biometric login | background sync | cold start | app store review | screen | navigation stack | design token | accessibility label | dark mode | battery usage | binary size'),
		qualifiers: words('offline-first | native | server-driven | accessible | incremental | localised | lightweight | battery-friendly | staged | modular'),
		metrics: words('crash-free sessions | cold start time | app rating | push open rate | binary size | weekly active users | ANR rate'),
		tech: words('Swift 6 | SwiftUI | Kotlin 2.0 | Jetpack Compose | GraphQL | Firebase Cloud Messaging | SQLite | Bazel'),
		tags: words('mobile | ios | android | apps | ux'),
		code: 'MOB',
	},
	{
		name: 'data',
		systems: words('event-collector | warehouse-loader | metrics-layer | dbt-project | lineage-graph | quality-monitor | feature-store | privacy-scrubber | export-svc | query-gateway'),
		nouns: words('event schema | data contract | partition | backfill | lineage | freshness check | semantic layer | dashboard | retention policy | late-arriving event | deduplication | slowly changing dimension | materialised view | data product | PII column | sampling rate | cohort | experiment metric | warehouse cost | orchestration DAG'),
		qualifiers: words('governed | incremental | late-binding | privacy-safe | streaming | columnar | self-serve | reproducible | partitioned | certified'),
		metrics: words('pipeline freshness | failed quality checks | warehouse spend | query p95 | backfill duration | orphaned tables | dashboard load time'),
		tech: words('Snowflake | BigQuery | dbt 1.8 | Airflow 2.9 | Apache Iceberg | Spark 3.5 | Kafka Connect | Great Expectations | Trino'),
		tags: words('data | analytics | warehouse | privacy | pipelines'),
		code: 'DAT',
	},
];

/** Words every domain uses. */
export const COMMON = {
	verbs: words('validates | persists | publishes | batches | retries | deduplicates | routes | enriches | caches | streams | aggregates | signs | throttles | replays | shards | compacts | reconciles | exports | migrates | indexes | notifies | schedules | rejects | records'),
	adjectives: words('existing | legacy | current | new | shared | regional | internal | external | primary | secondary | nightly | hourly | critical | optional | manual | automated'),
	teams: words('platform | payments | finance engineering | support tooling | SRE | security | data platform | growth | merchant experience | mobile core | search quality | compliance'),
	people: words('support agents | merchants | finance analysts | on-call engineers | shoppers | partners | auditors | product managers | data scientists | administrators'),
	environments: words('staging | a production-like sandbox | the pre-production cluster | an ephemeral review environment | the shared integration cluster'),
	tools: words('Vitest | JUnit 5 | Testcontainers | k6 | Playwright | pytest | Pact | WireMock | Gatling | Kotest'),
	phaseNames: words('Foundations | Schema and storage | Shadow traffic | Internal pilot | Merchant beta | General availability | Legacy cutover | Backfill | Hardening | Observability | Migration | Decommission the old path | Performance tuning | Self-service tooling'),
};

/** Forty people with distinct names; some carry an e-mail or a handle. */
export const AUTHORS: readonly string[] = (() => {
	const first = words('Ana | Bo | Chloé | Dmitri | Emeka | Fatima | Gustavo | Hana | Ines | Jonas | Kwame | Lucía | Mateo | Nadia | Oskar | Priya | Quentin | Rosa | Sven | Tomoko');
	const last = words('Lima | Chen | Dubois | Ivanov | Okafor | Haddad | Pereira | Sato | Moreau | Berg | Mensah | García | Rossi | Kowalski | Nyström | Raman | Laurent | Alves | Lindqvist | Yamada');
	return Array.from({ length: 40 }, (_, index) => `${first[index % 20]} ${last[(index * 7 + Math.floor(index / 20)) % 20]}`);
})();
