/**
 * Compares the published part of two OpenAPI documents and lists what would break a client built
 * against the older one: a removed path or method, a removed or newly optional answer field, an
 * answer field that may now be of another type (or null), a request that now needs a field or a
 * parameter it did not, a request field or parameter that accepts less than before. Additions that
 * old clients ignore (new paths, new optional inputs, new answer fields) are not breaking.
 */

type Schema = Record<string, unknown>;
type Document = { info?: { version?: string }; paths?: Record<string, Record<string, unknown>> };

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function majorOf(version: string | undefined): number {
  const major = Number.parseInt(String(version ?? '0').split('.')[0] ?? '0', 10);
  return Number.isNaN(major) ? 0 : major;
}

/** The breaking changes from `published` to `current`, as readable lines (empty: compatible). */
export function findBreakingChanges(
  published: Document,
  current: Document,
  prefixes?: readonly string[],
): string[] {
  const problems: string[] = [];
  for (const [path, oldItem] of Object.entries(published.paths ?? {})) {
    if (prefixes && !prefixes.some((prefix) => path.startsWith(prefix))) continue;
    const newItem = current.paths?.[path];
    for (const method of methods) {
      const oldOperation = oldItem[method] as Schema | undefined;
      if (!oldOperation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const newOperation = newItem?.[method] as Schema | undefined;
      if (!newOperation) {
        problems.push(`${where}: removed`);
        continue;
      }
      compareParameters(where, oldOperation, newOperation, problems);
      const oldBody = jsonSchemaOf(oldOperation.requestBody);
      const newBody = jsonSchemaOf(newOperation.requestBody);
      if (newBody && !oldBody && (newOperation.requestBody as Schema).required === true)
        problems.push(`${where}: now requires a request body`);
      if (oldBody && newBody) compareInput(`${where} body`, oldBody, newBody, problems);
      const oldResponses = (oldOperation.responses ?? {}) as Record<string, unknown>;
      const newResponses = (newOperation.responses ?? {}) as Record<string, unknown>;
      for (const [status, oldResponse] of Object.entries(oldResponses)) {
        if (!status.startsWith('2')) continue;
        const newResponse = newResponses[status];
        if (!newResponse) {
          problems.push(`${where}: no longer answers ${status}`);
          continue;
        }
        const oldSchema = jsonSchemaOf(oldResponse);
        const newSchema = jsonSchemaOf(newResponse);
        if (oldSchema && newSchema) compareOutput(`${where} ${status}`, oldSchema, newSchema, problems);
      }
    }
  }
  return problems;
}

function jsonSchemaOf(part: unknown): Schema | undefined {
  const content = (part as { content?: Record<string, { schema?: Schema }> } | undefined)?.content;
  return content?.['application/json']?.schema;
}

type Parameter = { in: string; name: string; required?: boolean; schema?: Schema };

function compareParameters(where: string, oldOperation: Schema, newOperation: Schema, problems: string[]) {
  const key = (parameter: Parameter) => `${parameter.in}:${parameter.name.toLowerCase()}`;
  const oldParameters = new Map(((oldOperation.parameters ?? []) as Parameter[]).map((p) => [key(p), p]));
  for (const parameter of (newOperation.parameters ?? []) as Parameter[]) {
    const before = oldParameters.get(key(parameter));
    const label = `${where} ${parameter.in} parameter ${parameter.name}`;
    if (!before) {
      if (parameter.required && parameter.in !== 'path') problems.push(`${label}: new and required`);
      continue;
    }
    if (parameter.required && !before.required) problems.push(`${label}: now required`);
    if (before.schema && parameter.schema) compareInput(label, before.schema, parameter.schema, problems);
  }
}

// --- Schemas -------------------------------------------------------------------------------------

/** The JSON types a schema admits (`any` when it says nothing), through anyOf/oneOf and nullable. */
function typesOf(schema: Schema): Set<string> {
  const types = new Set<string>();
  const branches = [...((schema.anyOf as Schema[]) ?? []), ...((schema.oneOf as Schema[]) ?? [])];
  if (branches.length > 0) {
    for (const branch of branches) for (const type of typesOf(branch)) types.add(type);
    return types;
  }
  const declared = schema.type;
  if (Array.isArray(declared)) for (const type of declared) types.add(String(type));
  else if (typeof declared === 'string') types.add(declared);
  else if ('const' in schema) types.add(schema.const === null ? 'null' : typeof schema.const);
  else if (Array.isArray(schema.enum))
    for (const value of schema.enum) types.add(value === null ? 'null' : typeof value);
  else if (schema.properties) types.add('object');
  else types.add('any');
  if (schema.nullable === true) types.add('null');
  if (types.has('integer') && types.has('number')) types.delete('integer');
  return types;
}

/** Whether `wider` admits every type `narrower` admits (integer ⊂ number, anything ⊂ any). */
function admitsTypes(wider: Set<string>, narrower: Set<string>): boolean {
  if (wider.has('any')) return true;
  for (const type of narrower) {
    if (type === 'any') return false;
    if (wider.has(type)) continue;
    if (type === 'integer' && wider.has('number')) continue;
    return false;
  }
  return true;
}

/** The object part of a schema, merged over anyOf/oneOf branches (e.g. an object or null). */
function objectPart(
  schema: Schema,
): { properties: Record<string, Schema>; required: Set<string> } | undefined {
  if (schema.properties) {
    return {
      properties: schema.properties as Record<string, Schema>,
      required: new Set((schema.required as string[]) ?? []),
    };
  }
  for (const branch of [...((schema.anyOf as Schema[]) ?? []), ...((schema.oneOf as Schema[]) ?? [])]) {
    const found = objectPart(branch);
    if (found) return found;
  }
  return undefined;
}

function itemsOf(schema: Schema): Schema | undefined {
  if (schema.items && typeof schema.items === 'object') return schema.items as Schema;
  for (const branch of [...((schema.anyOf as Schema[]) ?? []), ...((schema.oneOf as Schema[]) ?? [])]) {
    const found = itemsOf(branch);
    if (found) return found;
  }
  return undefined;
}

function enumOf(schema: Schema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  if ('const' in schema) return [schema.const];
  return undefined;
}

/**
 * An answer: the client reads it, so the new one must say no more than the old one promised —
 * every field still there and still required, of the same types or fewer, enums not extended.
 */
function compareOutput(where: string, before: Schema, after: Schema, problems: string[]) {
  const oldTypes = typesOf(before);
  const newTypes = typesOf(after);
  if (!admitsTypes(oldTypes, newTypes)) {
    problems.push(`${where}: type changed from ${[...oldTypes].join('|')} to ${[...newTypes].join('|')}`);
    return;
  }
  const oldEnum = enumOf(before);
  const newEnum = enumOf(after);
  if (oldEnum && (!newEnum || newEnum.some((value) => !oldEnum.includes(value))))
    problems.push(`${where}: may now hold values outside ${JSON.stringify(oldEnum)}`);
  const oldObject = objectPart(before);
  const newObject = objectPart(after);
  if (oldObject) {
    for (const [name, property] of Object.entries(oldObject.properties)) {
      const next = newObject?.properties[name];
      if (!next) {
        problems.push(`${where}: field ${name} removed`);
        continue;
      }
      if (oldObject.required.has(name) && !newObject.required.has(name))
        problems.push(`${where}: field ${name} may now be missing`);
      compareOutput(`${where}.${name}`, property, next, problems);
    }
  }
  const oldItems = itemsOf(before);
  const newItems = itemsOf(after);
  if (oldItems && newItems) compareOutput(`${where}[]`, oldItems, newItems, problems);
}

const lowerBounds = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const;
const upperBounds = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const;

/**
 * A request input: the client writes it, so the new one must accept all the old one did — no new
 * required field, the same types or more, enums not reduced, bounds not tightened, no new pattern.
 */
function compareInput(where: string, before: Schema, after: Schema, problems: string[]) {
  const oldTypes = typesOf(before);
  const newTypes = typesOf(after);
  if (!admitsTypes(newTypes, oldTypes)) {
    problems.push(`${where}: accepts ${[...newTypes].join('|')} instead of ${[...oldTypes].join('|')}`);
    return;
  }
  const oldEnum = enumOf(before);
  const newEnum = enumOf(after);
  if (newEnum && (!oldEnum || oldEnum.some((value) => !newEnum.includes(value))))
    problems.push(`${where}: accepts fewer values (${JSON.stringify(newEnum)})`);
  for (const bound of lowerBounds) {
    const was = before[bound];
    const is = after[bound];
    if (typeof is === 'number' && (typeof was !== 'number' || is > was))
      problems.push(`${where}: ${bound} raised to ${is}`);
  }
  for (const bound of upperBounds) {
    const was = before[bound];
    const is = after[bound];
    if (typeof is === 'number' && (typeof was !== 'number' || is < was))
      problems.push(`${where}: ${bound} lowered to ${is}`);
  }
  if (typeof after.pattern === 'string' && after.pattern !== before.pattern)
    problems.push(`${where}: pattern changed`);
  const oldObject = objectPart(before);
  const newObject = objectPart(after);
  if (newObject) {
    for (const name of newObject.required) {
      if (!oldObject?.required.has(name)) problems.push(`${where}: field ${name} is now required`);
    }
    for (const [name, property] of Object.entries(newObject.properties)) {
      const previous = oldObject?.properties[name];
      if (previous) compareInput(`${where}.${name}`, previous, property, problems);
    }
    if (oldObject && after.additionalProperties === false && before.additionalProperties !== false)
      problems.push(`${where}: now refuses unknown fields`);
  }
  const oldItems = itemsOf(before);
  const newItems = itemsOf(after);
  if (oldItems && newItems) compareInput(`${where}[]`, oldItems, newItems, problems);
}

/**
 * The verdict of the baseline test: the breaking changes, unless the current document's major
 * version is above the baseline's (a new major is allowed to break, and must be announced).
 */
export function unannouncedBreakingChanges(
  published: Document,
  current: Document,
  prefixes?: readonly string[],
) {
  if (majorOf(current.info?.version) > majorOf(published.info?.version)) return [];
  return findBreakingChanges(published, current, prefixes);
}
