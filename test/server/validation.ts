// Request body binding in the API's manner (ASP.NET + System.Text.Json): property names match
// case-insensitively, type mismatches are reported per JSON path, and failures become a 400
// validation problem with an `errors` map.
import { HttpError, RequestContext } from './http';
import { problem, validationProblem } from './problems';

export class Errors {
  private readonly map = new Map<string, string[]>();

  add(key: string, message: string): void {
    const list = this.map.get(key) ?? [];
    list.push(message);
    this.map.set(key, list);
  }

  get size(): number {
    return this.map.size;
  }

  toJSON(): Record<string, string[]> {
    return Object.fromEntries(this.map);
  }

  throwIfAny(): void {
    if (this.map.size > 0) throw new HttpError(validationProblem(this));
  }

  static fail(key: string, message: string): never {
    const e = new Errors();
    e.add(key, message);
    throw new HttpError(validationProblem(e));
  }
}

export type Kind = 'string' | 'boolean' | 'integer' | 'string[]' | 'integer[]' | 'object' | 'object[]';
export interface Field { kind: Kind; nullable?: boolean; fields?: Schema }
export type Schema = Record<string, Field>;
export type Bound = Record<string, unknown>;

const DOTNET: Record<Kind, string> = {
  'string': 'System.String', 'boolean': 'System.Boolean', 'integer': 'System.Int32', 'string[]': 'System.String[]',
  'integer[]': 'System.Int32[]', 'object': 'an object', 'object[]': 'an array of objects',
};
const INVALID = Symbol('invalid');

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The request body as a JSON object, or a 400/415 problem. */
export function readJsonObject(ctx: RequestContext): Record<string, unknown> {
  if (ctx.rawBody.trim() === '') Errors.fail('', 'A non-empty request body is required.');
  const type = ctx.headers['content-type'] ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new HttpError(problem(415, `Content type '${type}' is not supported; send application/json.`));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(ctx.rawBody);
  } catch (e) {
    Errors.fail('$', `The request body is not valid JSON: ${(e as Error).message}`);
  }
  if (!isObject(parsed)) Errors.fail('$', 'The JSON value could not be converted to the request model: expected an object.');
  return parsed;
}

/**
 * Keeps the properties that were sent, under their schema (camelCase) names. Unknown properties
 * are rejected: stricter than the API (which ignores them) so that client typos fail loudly.
 */
export function bind(value: Record<string, unknown>, schema: Schema, errors: Errors, path = '$'): Bound {
  const names = new Map(Object.keys(schema).map((k) => [k.toLowerCase(), k]));
  const out: Bound = {};
  for (const [sent, v] of Object.entries(value)) {
    const at = `${path}.${sent}`;
    const name = names.get(sent.toLowerCase());
    if (!name) {
      errors.add(at, `The JSON property '${sent}' could not be mapped to any member of the request model.`);
      continue;
    }
    const converted = convert(v, schema[name], at, errors);
    if (converted !== INVALID) out[name] = converted;
  }
  return out;
}

function convert(v: unknown, spec: Field, at: string, errors: Errors): unknown {
  if (v === null && spec.nullable) return null;
  switch (spec.kind) {
    case 'string': if (typeof v === 'string') return v; break;
    case 'boolean': if (typeof v === 'boolean') return v; break;
    case 'integer': if (isInt32(v)) return v; break;
    case 'string[]': if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v; break;
    case 'integer[]': if (Array.isArray(v) && v.every(isInt32)) return v; break;
    case 'object': if (isObject(v)) return spec.fields ? bind(v, spec.fields, errors, at) : v; break;
    case 'object[]':
      if (Array.isArray(v) && v.every(isObject)) return v.map((item, i) => (spec.fields ? bind(item, spec.fields, errors, `${at}[${i}]`) : item));
      break;
  }
  errors.add(at, `The JSON value could not be converted to ${DOTNET[spec.kind]}.${v === null ? ' Null is not allowed.' : ''}`);
  return INVALID;
}

function isInt32(v: unknown): v is number {
  return Number.isInteger(v) && (v as number) >= -2147483648 && (v as number) <= 2147483647;
}

/** `usesRemaining` → `UsesRemaining`: validator messages use .NET property names. */
export function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
