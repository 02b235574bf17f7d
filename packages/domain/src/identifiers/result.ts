/**
 * Outcome of parsing a Belgian identifier. Parsing never throws: a refusal carries a stable
 * UPPER_SNAKE `code` (the UIs translate from it and it is used as `FieldError.code`) and an English
 * `message` that says what is wrong and how to fix it. `C` narrows the code to the parser's own list.
 *
 * @example
 * const result: IdentifierResult<string> = parseEnterpriseNumber('BE 0203.201.340');
 * if (result.ok) save(result.value);
 * else showFieldError('enterpriseNumber', result.code, result.message);
 */
export type IdentifierResult<T, C extends string = string> =
  { ok: true; value: T } | { ok: false; code: C; message: string };
