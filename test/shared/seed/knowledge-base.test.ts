// The seeded knowledge base: enough documents, fixed ids, kebab-case slugs, realistic length,
// the policies the scenarios rely on, and the figures the seeded data obeys.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildKnowledgeBase } from '../../../shared/seed/knowledge/knowledge-base.js';

const REQUIRED = [
  'data-overage-charges',
  'slow-internet-troubleshooting',
  'roaming-activation',
  'account-unlock-identity-verification',
  'promotion-eligibility',
  'returns-and-refunds',
  'dropped-calls-investigation',
  'late-payment-and-suspension',
  'hardship-payment-plans',
];

describe('knowledge base', () => {
  const documents = buildKnowledgeBase();

  it('has at least 12 documents with ids 1..N and unique kebab-case slugs', () => {
    assert.ok(documents.length >= 12);
    assert.deepEqual(documents.map((d) => d.documentId), documents.map((_, index) => index + 1));
    assert.equal(new Set(documents.map((d) => d.slug)).size, documents.length);
    for (const d of documents) assert.match(d.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('holds every policy the scenarios need', () => {
    const slugs = documents.map((d) => d.slug);
    for (const slug of REQUIRED) assert.ok(slugs.includes(slug), slug);
  });

  it('gives each document a title, category, tags and 120 to 300 words of content', () => {
    for (const d of documents) {
      const words = d.content.split(/\s+/).filter(Boolean).length;
      assert.ok(words >= 120 && words <= 300, `${d.slug} has ${words} words`);
      assert.ok(d.title.length > 0 && d.category.length > 0 && d.tags.length > 0, d.slug);
    }
  });

  it('quotes the figures the seeded records follow', () => {
    const content = (slug: string) => documents.find((d) => d.slug === slug)?.content ?? '';
    assert.match(content('data-overage-charges'), /EUR 10\.00 per GB/);
    assert.match(content('data-overage-charges'), /within 30 days of the invoice date/);
    assert.match(content('roaming-activation'), /up to 24 hours/);
    assert.match(content('returns-and-refunds'), /within 30 days of delivery/);
    assert.match(content('returns-and-refunds'), /within 14 days of receiving/);
    assert.match(content('late-payment-and-suspension'), /14 days after its due date/);
  });

  it('returns fresh copies, so callers cannot change the source', () => {
    const [first] = buildKnowledgeBase();
    first?.tags.push('changed');
    assert.ok(!buildKnowledgeBase()[0]?.tags.includes('changed'));
  });
});
