/**
 * One complete, valid In Review spec: the guide's annotated example, and the spec every wrong and
 * right example of the diagnostics reference is spliced into when the tests check that each
 * example really does (or does not) trigger its code. Keep it valid: a test runs `check`'s analyser
 * on it and expects no diagnostics at all.
 */

/** Where the example lives, relative to the working directory. */
export const EXAMPLE_SPEC_PATH = 'specs/payments/retry-policy.md';

/** The example spec's source. */
export const EXAMPLE_SPEC = `---
tags: [payments, reliability]
---
# Retry policy for card payments

## Overview
- **Feature**: Retry policy for card payments
- **Author(s)**: Ana Lima <ana@example.com>, Bo Chen @bchen
- **Last Updated**: 2026-11-20
- **Status**: In Review

## Background
- **Context**: Card payments that fail with a network error are retried by each client in its own way.
- **Problem Statement**: Uncoordinated retries charge some customers twice and overload the acquirer during incidents.
- **Goals**: One server-side retry policy with idempotency keys and a retry budget per merchant.
- **Non-Goals**: Retrying declined payments; changing acquirers.

## Architecture
### System Design
- **Components**: Payments API, retry worker, idempotency store
- **Data Flow**: The API records every attempt; the worker retries eligible failures with exponential backoff.
- **Integration Points**: Acquirer gateway, ledger events

### Technical Details
- **Technology Stack**: TypeScript, PostgreSQL, the existing job queue
- **APIs**: \`POST /payments\` accepts an \`Idempotency-Key\` header.
- **Database**: New table \`payment_attempts\`.
- **Security**: Keys are scoped per merchant; no card data in the attempts table.

## Implementation
### Phase 1: Foundations
- **Tasks**:
  1. Add the \`payment_attempts\` table
  2. Accept idempotency keys in the API
- **Dependencies**: None
- **Timeline**: 2027-01-04 → 2027-01-29

### Phase 2: Retry worker
- **Tasks**:
  1. Retry eligible failures with exponential backoff
  2. Enforce the retry budget per merchant
- **Dependencies**:
  - Phase 1
  - Access to the acquirer's sandbox
- **Timeline**: 3 weeks

## Testing Strategy
### Unit Testing
- **Scope**: Backoff schedule, budget accounting, key scoping
- **Approach**: Table-driven tests
- **Tools**: Vitest

### Integration Testing
- **Scope**: API to worker to the acquirer's sandbox
- **Approach**: Replay recorded failures
- **Environment**: Staging, against the acquirer's sandbox

## Deployment
### Requirements
- **Infrastructure**: One retry worker deployment per region
- **Configuration**: \`RETRY_BUDGET\` per merchant tier
- **Dependencies**: The database migration ships first

### Rollout Plan
1. Enable for internal test merchants
2. Enable for 5% of traffic
3. Enable for everyone

## Monitoring
### Metrics
- **Performance**: p95 time from first attempt to final outcome
- **Error Rates**: Share of payments that still fail after retries
- **Usage**: Retries per payment

### Alerts
- **Thresholds**: A merchant's retry budget exhausted for 10 minutes
- **Response**: Page the payments on-call, who follows the retry runbook

## Documentation
### Technical Documentation
- **API Docs**: \`Idempotency-Key\` in the API reference
- **Architecture Docs**: Retry worker design note
- **Operation Guide**: Runbook for retry budget alerts

### User Documentation
- **User Guide**: Merchant guide to safe retries
- **Release Notes**: Payments changelog entry
`;

/**
 * A second spec beside the example, so that cross-spec examples can be checked: its Feature is
 * taken (`feature-duplicate`) and its id exists (`supersedes`).
 */
export const COMPANION_SPEC_PATH = 'specs/payments/retry-policy-v1.md';

/** The companion's source: the example with another Feature and Status. */
export const COMPANION_SPEC = EXAMPLE_SPEC.replace(
	'- **Feature**: Retry policy for card payments',
	'- **Feature**: Retry policy',
).replace('- **Status**: In Review', '- **Status**: Approved');
