import { z } from 'zod';

/**
 * The largest page a list route returns: lists are paginated on the server, never loaded whole.
 *
 * @example
 * pageQuery.parse({ pageSize: '500' }); // throws: at most MAX_PAGE_SIZE
 */
export const MAX_PAGE_SIZE = 200;
/** The page size of a list when the client does not ask for one. */
export const DEFAULT_PAGE_SIZE = 50;

/**
 * The languages of ciao's users and agents (the back-office speaks fr, nl, en; de is kept for the
 * German-speaking Community's workers).
 *
 * @example
 * languageSchema.parse('nl'); // 'nl'
 */
export const languageSchema = z.enum(['fr', 'nl', 'en', 'de']);

export type Language = z.infer<typeof languageSchema>;

/**
 * A calendar date `YYYY-MM-DD` (a local date, not an instant), checked to exist.
 *
 * @example
 * isoDate.parse('2026-02-29'); // throws: no such day
 */
export const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

/**
 * An instant in ISO 8601 with an offset or `Z`, as every response writes them.
 *
 * @example
 * isoInstant.parse('2026-11-29T08:00:00.000Z');
 */
export const isoInstant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date and time' });

/**
 * A `true` / `false` query-string flag (`?active=false` means false, unlike `Boolean('false')`).
 *
 * @example
 * booleanQuery.parse('false'); // false
 */
export const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

/**
 * The `page` and `pageSize` of every list query: pages count from 1, at most {@link MAX_PAGE_SIZE}.
 *
 * @example
 * pageQuery.parse({ page: '2' }); // { page: 2, pageSize: 50 }
 */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1, 'must be 1 or more').default(1),
  pageSize: z.coerce
    .number()
    .int()
    .min(1, 'must be 1 or more')
    .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
    .default(DEFAULT_PAGE_SIZE),
});

/**
 * A list query: pagination, a free-text search `q`, and a sort on one of `sortFields` (`order`
 * `asc` by default). Extend it with the list's own filters.
 *
 * @example
 * const query = listQuery(['login', 'displayName'] as const, 'login').extend({ active: booleanQuery.optional() });
 * query.parse({ q: 'dup', sort: 'displayName', order: 'desc' });
 */
export function listQuery<const Fields extends readonly [string, ...string[]]>(
  sortFields: Fields,
  defaultSort: Fields[number],
) {
  return pageQuery.extend({
    q: z.string().trim().max(100, 'must be at most 100 characters').optional(),
    sort: z.enum(sortFields).default(defaultSort),
    order: z.enum(['asc', 'desc']).default('asc'),
  });
}

/**
 * One page of a list, with the total number of matching rows for the pager.
 *
 * @example
 * const userPage = pageOf(z.object({ id: z.uuid() }));
 */
export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/**
 * A text field that may be cleared: blank input becomes `null`, so forms can send what they hold.
 *
 * @example
 * optionalText(50).parse('  '); // null
 */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((value) => (value === '' ? null : value))
    .nullable();
}

/**
 * An e-mail address that may be cleared (blank or `null`).
 *
 * @example
 * optionalEmail.parse('anne@example.be');
 */
export const optionalEmail = z
  .string()
  .trim()
  .max(200, 'must be at most 200 characters')
  .transform((value) => (value === '' ? null : value))
  .pipe(z.email({ error: 'must be an e-mail address' }).nullable())
  .nullable();
