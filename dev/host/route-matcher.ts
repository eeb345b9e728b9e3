// Matches request paths against Functions route templates: literals, `{name}`, `{name?}`,
// `{name:constraint}` (int and alpha are enforced) and a trailing catch-all `{*name}`.

export interface CompiledRoute {
  template: string;
  match(path: string): Record<string, string> | null;
}

interface Segment {
  literal?: string;
  param?: string;
  optional?: boolean;
  catchAll?: boolean;
  constraint?: string;
}

export function compileRoute(template: string): CompiledRoute {
  const segments: Segment[] = template.split('/').map((part) => {
    const param = /^\{(\*)?([A-Za-z_][\w]*)(?::([a-z]+))?(\?)?\}$/.exec(part);
    if (!param) return { literal: part.toLowerCase() };
    return { param: param[2] as string, catchAll: param[1] === '*', constraint: param[3], optional: param[4] === '?' };
  });
  // The local host keeps each path's matches (routesAt in local-host.ts), so this matches afresh.
  return {
    template,
    match(path) {
      try {
        return matchSegments(path);
      } catch {
        return null; // malformed percent-encoding never matches
      }
    },
  };

  function matchSegments(path: string): Record<string, string> | null {
      const parts = path.replace(/^\/+|\/+$/g, '').split('/');
      const params: Record<string, string> = {};
      for (let i = 0; i < segments.length; i += 1) {
        const segment = segments[i] as Segment;
        const part = parts[i];
        if (segment.catchAll && segment.param) {
          params[segment.param] = parts.slice(i).map(decodeURIComponent).join('/');
          return params;
        }
        if (part === undefined || part === '') {
          if (segment.optional) continue;
          return null;
        }
        if (segment.literal !== undefined) {
          if (decodeURIComponent(part).toLowerCase() !== segment.literal) return null;
          continue;
        }
        const value = decodeURIComponent(part);
        if (segment.constraint === 'int' && !/^-?\d+$/.test(value)) return null;
        if (segment.constraint === 'alpha' && !/^[A-Za-z]+$/.test(value)) return null;
        params[segment.param as string] = value;
      }
      return parts.length <= segments.length ? params : null;
  }
}
