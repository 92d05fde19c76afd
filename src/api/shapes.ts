// Top-level shape checks for 2xx bodies. Deliberately shallow: they catch a proxy's JSON, an
// error page served with 200, or a wrong route, without re-validating every field the API owns.
// Each returns undefined when the value fits, or a short reason that ends up in ResponseFormatError.
export type ShapeCheck = (value: unknown) => string | undefined;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export const anObject: ShapeCheck = (value) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : `expected a JSON object, got ${describe(value)}`;

export const anArray: ShapeCheck = (value) => (Array.isArray(value) ? undefined : `expected a JSON array, got ${describe(value)}`);

/** An object whose `field` is an array, e.g. `{ orgs: [...] }`. */
export function withArray(field: string): ShapeCheck {
  return (value) => anObject(value) ?? (Array.isArray((value as Record<string, unknown>)[field]) ? undefined : `expected an array in "${field}"`);
}

/** A bulk result: an object whose `field` is a non-negative integer count. */
export function withCount(field: string): ShapeCheck {
  return (value) => {
    const n = anObject(value) === undefined ? (value as Record<string, unknown>)[field] : undefined;
    return Number.isInteger(n) && (n as number) >= 0 ? undefined : `expected a count in "${field}"`;
  };
}

/** A page envelope: `items` array plus `metadata.lastPage`. */
export const aPage: ShapeCheck = (value) => {
  const notObject = anObject(value);
  if (notObject) return notObject;
  const page = value as Record<string, unknown>;
  if (!Array.isArray(page.items)) return 'expected a page with an "items" array';
  const meta = page.metadata as Record<string, unknown> | undefined;
  if (typeof meta !== 'object' || meta === null || !Number.isInteger(meta.lastPage)) return 'expected a page with "metadata.lastPage"';
  return undefined;
};
