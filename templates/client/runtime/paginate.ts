// Every item of a paged list, page after page (`page` and `limit` in the query; a body of
// `items` and `pagination: { total_count, max_page }`). Imported only by clients that have
// such an operation.

import { type AnyResult, ApiError, type Unsuccessful } from "./result.js";

/** The item type of a paged list's success. */
export type PageItem<R> = R extends { kind: "success"; data: infer D }
  ? NonNullable<D> extends { items: ReadonlyArray<infer I> }
    ? I
    : never
  : never;

/** A paged operation on the client: a call for one page, and `all` for every item. */
export type Paginated<I, R> = ((input: I) => Promise<R>) & {
  /** Every item from `input.page` (default 1) on; throws `ApiError` on the first page that fails. */
  all(input: I): AsyncGenerator<PageItem<R>, void, undefined>;
};

interface Page {
  items?: unknown;
  pagination?: { max_page?: unknown } | null;
}

/**
 * Calls `call` for each page from `input.page` (default 1) and yields its items. Stops
 * after `pagination.max_page`, or at a page without items; a page that fails (or whose
 * body is not a page) ends the iteration by throwing an `ApiError` with its result.
 */
export async function* paginate<I, R extends AnyResult>(options: {
  call: (input: I) => Promise<R>;
  input: I;
}): AsyncGenerator<PageItem<R>, void, undefined> {
  const { call, input } = options;
  for (let page = Number((input as { page?: unknown } | undefined)?.page ?? 1); ; page++) {
    const result = await call({ ...input, page });
    const data = (result as { data?: Page | null }).data;
    if (result.kind !== "success" || !Array.isArray(data?.items))
      throw new ApiError(result as AnyResult as Unsuccessful);
    if (!data.items.length) return;
    yield* data.items as Array<PageItem<R>>;
    const last = data.pagination?.max_page;
    if (typeof last !== "number" || page >= last) return;
  }
}
