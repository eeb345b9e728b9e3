// Tests of Functions route-template matching: literals, parameters, constraints, optional
// parameters, catch-alls and malformed paths.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileRoute } from '../../../dev/host/route-matcher.js';

describe('compileRoute', () => {
  it('keeps the template it was compiled from', () => {
    assert.equal(compileRoute('api/mcp').template, 'api/mcp');
  });

  it('matches literal segments case-insensitively, ignoring outer slashes', () => {
    const route = compileRoute('api/mcp');

    assert.deepEqual(route.match('/api/mcp'), {});
    assert.deepEqual(route.match('/API/Mcp/'), {});
    assert.deepEqual(route.match('api/mcp'), {});
    assert.equal(route.match('/api/mcpx'), null);
    assert.equal(route.match('/api'), null);
    assert.equal(route.match('/api/mcp/extra'), null);
  });

  it('captures a parameter, percent-decoded', () => {
    const route = compileRoute('customers/{name}/orders');

    assert.deepEqual(route.match('/customers/Ana%20Lopez/orders'), { name: 'Ana Lopez' });
    assert.equal(route.match('/customers//orders'), null);
    assert.equal(route.match('/customers/ana'), null);
  });

  it('matches an optional parameter whether present or not', () => {
    const route = compileRoute('products/{category?}');

    assert.deepEqual(route.match('/products/tv'), { category: 'tv' });
    assert.deepEqual(route.match('/products'), {});
    assert.deepEqual(route.match('/products/'), {});
    assert.equal(route.match('/products/tv/extra'), null);
  });

  it('enforces the int constraint', () => {
    const route = compileRoute('customers/{id:int}');

    assert.deepEqual(route.match('/customers/101'), { id: '101' });
    assert.deepEqual(route.match('/customers/-5'), { id: '-5' });
    assert.equal(route.match('/customers/abc'), null);
    assert.equal(route.match('/customers/10.5'), null);
    assert.equal(route.match('/customers/10a'), null);
  });

  it('enforces the alpha constraint', () => {
    const route = compileRoute('lang/{code:alpha}');

    assert.deepEqual(route.match('/lang/enGB'), { code: 'enGB' });
    assert.equal(route.match('/lang/en-GB'), null);
  });

  it('combines an optional parameter with a constraint', () => {
    const route = compileRoute('invoices/{id:int?}');

    assert.deepEqual(route.match('/invoices'), {});
    assert.deepEqual(route.match('/invoices/7'), { id: '7' });
    assert.equal(route.match('/invoices/seven'), null);
  });

  it('captures the rest of the path in a catch-all, including nothing', () => {
    const route = compileRoute('files/{*path}');

    assert.deepEqual(route.match('/files/a/b%20c/d.txt'), { path: 'a/b c/d.txt' });
    assert.deepEqual(route.match('/files/one'), { path: 'one' });
    assert.deepEqual(route.match('/files'), { path: '' });
    assert.equal(route.match('/other/a'), null);
  });

  it('never matches, and never throws, on malformed percent-encoding', () => {
    const cases: Array<[string, string]> = [
      ['customers/{id}', '/customers/%E0%A4%A'],
      ['customers/{id}', '/customers/%'],
      ['files/{*path}', '/files/ok/%zz'],
      ['api/mcp', '/api/%ZZ'],
    ];
    for (const [template, path] of cases) assert.equal(compileRoute(template).match(path), null, `${template} ← ${path}`);
  });

  it('treats a brace text that is not a parameter as a literal', () => {
    const route = compileRoute('x/{not valid}');

    assert.deepEqual(route.match('/x/%7Bnot%20valid%7D'), {});
    assert.equal(route.match('/x/anything'), null);
  });
});
