// Turns the values of a Bicep snapshot into the strings a deployment would produce. Bicep fills in
// everything it knows before deploying; what only Azure knows (a managed identity's client id, an
// account's endpoint) stays an ARM expression such as
// `[format('Authorization=AAD;ClientId={0}', reference('<id>', '<version>').clientId)]`. This
// evaluates the few functions snapshots leave (format, coalesce, concat, reference, parameters),
// replacing each runtime property by a realistic placeholder from one table, so a new kind of
// runtime value fails loudly instead of passing unchecked. Secure parameters stay unresolved.

/** Realistic stand-ins for properties Azure assigns, by `<resource type>.<property path>`. */
const RUNTIME_PROPERTIES: Record<string, (name: string) => string> = {
  'Microsoft.ManagedIdentity/userAssignedIdentities.clientId': () => '0a1b2c3d-0000-4000-8000-00000000c11e',
  'Microsoft.ManagedIdentity/userAssignedIdentities.principalId': () => '0a1b2c3d-0000-4000-8000-0000000000b1',
  'Microsoft.DocumentDB/databaseAccounts.documentEndpoint': (name) => `https://${name}.documents.azure.com:443/`,
  'Microsoft.KeyVault/vaults.vaultUri': (name) => `https://${name}.vault.azure.net/`,
  'Microsoft.Storage/storageAccounts.primaryEndpoints.blob': (name) => `https://${name}.blob.core.windows.net/`,
  'Microsoft.Insights/components.ConnectionString': () =>
    'InstrumentationKey=0a1b2c3d-0000-4000-8000-0000000000a1;IngestionEndpoint=https://swedencentral-0.in.applicationinsights.azure.com/;LiveEndpoint=https://swedencentral.livediagnostics.monitor.azure.com/',
  'Microsoft.ApiManagement/service.gatewayUrl': (name) => `https://${name}.azure-api.net`,
  'Microsoft.CognitiveServices/accounts.endpoint': (name) => `https://${name}.openai.azure.com/`,
  'Microsoft.DurableTask/schedulers.endpoint': (name) => `https://${name}.swedencentral.durabletask.io`,
  'Microsoft.Web/sites.defaultHostName': (name) => `${name}.azurewebsites.net`,
};

/** The placeholder a runtime property of a resource resolves to. */
export function runtimeProperty(resourceId: string, propertyPath: readonly string[]): string {
  const match = /\/providers\/([^/]+\/[^/]+)\/([^/]+)$/.exec(resourceId);
  const key = `${match?.[1] ?? resourceId}.${propertyPath.join('.')}`;
  const make = RUNTIME_PROPERTIES[key];
  if (!make || !match?.[2]) throw new Error(`no placeholder for the runtime value ${key} (add one to RUNTIME_PROPERTIES)`);
  return make(match[2]);
}

/** A reference() result while its property path is being read. */
interface Reference {
  readonly resourceId: string;
  readonly path: readonly string[];
}
type Value = string | number | null | Reference | { readonly parameter: string };

const isReference = (value: Value): value is Reference => typeof value === 'object' && value !== null && 'resourceId' in value;

/** A secure parameter's value never appears in a snapshot: it is reported as this. */
export class UnresolvedParameter extends Error {
  constructor(readonly parameter: string) {
    super(`parameters('${parameter}')`);
  }
}

function asString(value: Value): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (isReference(value)) return runtimeProperty(value.resourceId, value.path);
  throw new UnresolvedParameter(value.parameter);
}

/** A tiny recursive-descent reader of ARM template expressions. */
class ExpressionReader {
  private at = 0;
  constructor(private readonly text: string) {}

  read(): Value {
    const value = this.expression();
    this.space();
    if (this.at !== this.text.length) throw new SyntaxError(`unexpected "${this.text.slice(this.at)}" in [${this.text}]`);
    return value;
  }

  private space(): void {
    while (this.text[this.at] === ' ') this.at += 1;
  }

  private expression(): Value {
    let value = this.primary();
    for (;;) {
      this.space();
      if (this.text[this.at] === '.') {
        this.at += 1;
        const name = this.identifier();
        if (!isReference(value)) throw new SyntaxError(`property .${name} of a non-reference in [${this.text}]`);
        value = { resourceId: value.resourceId, path: [...value.path, name] };
      } else return value;
    }
  }

  private identifier(): string {
    const match = /^[A-Za-z_][\w]*/.exec(this.text.slice(this.at));
    if (!match) throw new SyntaxError(`expected a name at ${this.at} in [${this.text}]`);
    this.at += match[0].length;
    return match[0];
  }

  private primary(): Value {
    this.space();
    if (this.text[this.at] === "'") {
      let result = '';
      for (this.at += 1; ; this.at += 1) {
        const char = this.text[this.at];
        if (char === undefined) throw new SyntaxError(`unterminated string in [${this.text}]`);
        if (char === "'") {
          if (this.text[this.at + 1] !== "'") break;
          this.at += 1;
        }
        result += char;
      }
      this.at += 1;
      return result;
    }
    const number = /^-?\d+/.exec(this.text.slice(this.at));
    if (number) {
      this.at += number[0].length;
      return Number(number[0]);
    }
    const name = this.identifier();
    this.space();
    if (this.text[this.at] !== '(') throw new SyntaxError(`expected "(" after ${name} in [${this.text}]`);
    this.at += 1;
    const args: Value[] = [];
    this.space();
    while (this.text[this.at] !== ')') {
      args.push(this.expression());
      this.space();
      if (this.text[this.at] === ',') this.at += 1;
      else if (this.text[this.at] !== ')') throw new SyntaxError(`expected "," or ")" at ${this.at} in [${this.text}]`);
      this.space();
    }
    this.at += 1;
    return call(name, args);
  }
}

function call(name: string, args: Value[]): Value {
  switch (name) {
    case 'format': {
      const [template, ...rest] = args;
      return asString(template ?? '').replace(/\{(\d+)\}/g, (_, index: string) => asString(rest[Number(index)] ?? ''));
    }
    case 'concat':
      return args.map(asString).join('');
    case 'coalesce':
      return args.find((arg) => arg !== null) ?? null;
    case 'reference':
      return { resourceId: asString(args[0] ?? ''), path: [] };
    case 'parameters':
      return { parameter: asString(args[0] ?? '') };
    default:
      throw new Error(`the ARM function ${name}() is not evaluated here`);
  }
}

/** A snapshot value as a deployment would see it: literals as they are, expressions evaluated. */
export function resolveArmValue(value: string): string {
  if (!value.startsWith('[') || value.startsWith('[[') || !value.endsWith(']')) return value;
  return asString(new ExpressionReader(value.slice(1, -1)).read());
}
