// The contract every TaskProvider must keep (shared/mcp/tasks/task-provider.ts), as a suite any
// adapter's test runs against its own provider: a created task is readable at once by its
// creator, a task is its creator's alone (another caller or tenant sees nothing, and can change
// nothing), unknown ids are undefined, cancelling is idempotent, stray answers are ignored.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isInputRequiredResult } from '@modelcontextprotocol/server';
import { developmentPrincipal, type Principal } from '../../shared/identity/principal.js';
import type { TaskProvider, TaskView } from '../../shared/mcp/tasks/task-provider.js';
import { detachedScope, withCaller, type CallerScope } from '../../shared/request/request-scope.js';

export interface ProviderUnderTest {
  readonly provider: TaskProvider;
  /** A call of one of its tools that creates a task which stays unfinished until cancelled. */
  readonly longCall: { readonly toolName: string; readonly arguments: Record<string, unknown> };
  close?(): Promise<void>;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function scopeOf(principal: Principal): CallerScope {
  return withCaller(detachedScope('task-provider-contract'), principal);
}

export function describeTaskProviderContract(name: string, setup: () => Promise<ProviderUnderTest>): void {
  describe(`TaskProvider contract: ${name}`, () => {
    const owner = scopeOf({ ...developmentPrincipal(), callerId: 'contract-owner' });
    const strangers = [scopeOf({ ...developmentPrincipal(), callerId: 'contract-stranger' }), scopeOf({ ...developmentPrincipal(), callerId: 'contract-owner', tenantId: 'other-tenant' })];
    let subject: ProviderUnderTest;
    const created: string[] = [];

    before(async () => {
      subject = await setup();
    });
    after(async () => {
      for (const taskId of created) await subject.provider.cancel(taskId, owner);
      await subject.close?.();
    });

    async function create(): Promise<TaskView> {
      const outcome = await subject.provider.create({ ...subject.longCall, scope: owner, inputResponses: undefined, signal: new AbortController().signal });
      if (isInputRequiredResult(outcome)) assert.fail('the long call asked for input instead of creating a task');
      created.push(outcome.taskId);
      return outcome;
    }

    it('claims its tools, each optional or required', () => {
      assert.ok(subject.provider.tools.size > 0);
      for (const support of subject.provider.tools.values()) assert.ok(support === 'optional' || support === 'required');
      assert.ok(subject.provider.tools.has(subject.longCall.toolName));
    });

    it('creates a task its creator can read at once, with well-formed metadata', async () => {
      const task = await create();
      assert.ok(task.taskId.length > 0 && task.taskId.length <= 256);
      assert.match(task.createdAt, ISO);
      assert.match(task.lastUpdatedAt, ISO);
      assert.ok(task.ttlMs === null || (Number.isInteger(task.ttlMs) && task.ttlMs > 0));
      assert.ok(task.pollIntervalMs === undefined || (Number.isInteger(task.pollIntervalMs) && task.pollIntervalMs > 0));
      const read = await subject.provider.get(task.taskId, owner);
      assert.equal(read?.taskId, task.taskId);
      assert.ok(read.status === 'working' || read.status === 'input_required');
    });

    it('shows another caller, or the same caller id in another tenant, nothing, and lets them change nothing', async () => {
      const task = await create();
      for (const stranger of strangers) {
        assert.equal(await subject.provider.get(task.taskId, stranger), undefined);
        assert.equal(await subject.provider.cancel(task.taskId, stranger), undefined);
        assert.equal(await subject.provider.update(task.taskId, stranger, { anything: { action: 'accept', content: {} } }), undefined);
      }
      const still = await subject.provider.get(task.taskId, owner);
      assert.ok(still?.status === 'working' || still?.status === 'input_required');
    });

    it('answers undefined for a task id it never issued', async () => {
      assert.equal(await subject.provider.get('contract-no-such-task', owner), undefined);
      assert.equal(await subject.provider.cancel('contract-no-such-task', owner), undefined);
      assert.equal(await subject.provider.update('contract-no-such-task', owner, {}), undefined);
    });

    it('acknowledges a cancel, and again once the task has finished', async () => {
      const task = await create();
      assert.notEqual(await subject.provider.cancel(task.taskId, owner), undefined);
      assert.notEqual(await subject.provider.cancel(task.taskId, owner), undefined);
      assert.notEqual(await subject.provider.get(task.taskId, owner), undefined);
    });

    it('acknowledges answers to requests it never made and carries on', async () => {
      const task = await create();
      assert.notEqual(await subject.provider.update(task.taskId, owner, { 'contract-unknown-key': { ignored: true } }), undefined);
      const still = await subject.provider.get(task.taskId, owner);
      assert.ok(still?.status === 'working' || still?.status === 'input_required');
    });
  });
}
