// Tests of the route rules the Functions host enforces at start-up.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fullRoute, routeTemplateProblems } from '../../../dev/host/route-rules.js';

describe('routeTemplateProblems', () => {
  it('accepts ordinary templates', () => {
    for (const template of ['mcp', 'customers/{id:int}', 'files/{*path}', 'administrator/tools', 'health']) {
      assert.deepEqual(routeTemplateProblems(template), [], template);
    }
  });

  it('refuses the reserved prefixes admin and runtime in any case', () => {
    for (const template of ['admin', 'admin/keys', 'Admin/keys', 'RUNTIME/webhooks', 'runtime']) {
      const problems = routeTemplateProblems(template);
      assert.equal(problems.length, 1, template);
      assert.match(problems[0] ?? '', /reserved prefix "(admin|runtime)"/);
    }
  });

  it('refuses a leading slash', () => {
    assert.ok(routeTemplateProblems('/mcp').some((problem) => /must not start with "\/"/.test(problem)));
  });

  it('refuses empty segments and unbalanced braces', () => {
    assert.deepEqual(routeTemplateProblems('customers//orders'), ['route "customers//orders" has an empty segment']);
    assert.deepEqual(routeTemplateProblems('customers/{id'), ['route "customers/{id" has unbalanced braces in "{id"']);
  });
});

describe('fullRoute', () => {
  it('prefixes the template with the routePrefix, without extra slashes', () => {
    assert.equal(fullRoute('api', 'mcp'), 'api/mcp');
    assert.equal(fullRoute('/api/', 'mcp'), 'api/mcp');
  });

  it('serves the template as is when the routePrefix is empty', () => {
    assert.equal(fullRoute('', 'mcp'), 'mcp');
    assert.equal(fullRoute('/', 'mcp'), 'mcp');
  });
});
