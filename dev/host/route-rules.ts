// The route rules the real Functions host applies at start-up, so a registration that would
// fail in Azure fails here too: no reserved prefixes, no duplicates, valid templates.

const RESERVED_PREFIXES = ['admin', 'runtime'];

/** Problems with one route template, empty when it is valid. */
export function routeTemplateProblems(template: string): string[] {
  const problems: string[] = [];
  if (template.startsWith('/')) problems.push(`route "${template}" must not start with "/"`);
  const first = template.split('/')[0]?.toLowerCase() ?? '';
  if (RESERVED_PREFIXES.includes(first)) {
    problems.push(`route "${template}" starts with the reserved prefix "${first}" (the Functions host refuses it)`);
  }
  for (const segment of template.split('/')) {
    if (segment === '') problems.push(`route "${template}" has an empty segment`);
    const open = (segment.match(/\{/g) ?? []).length;
    const close = (segment.match(/\}/g) ?? []).length;
    if (open !== close) problems.push(`route "${template}" has unbalanced braces in "${segment}"`);
  }
  return problems;
}

/** The full path template a route is served at, given host.json's routePrefix. */
export function fullRoute(routePrefix: string, template: string): string {
  const prefix = routePrefix.replace(/^\/+|\/+$/g, '');
  return prefix === '' ? template : `${prefix}/${template}`;
}
