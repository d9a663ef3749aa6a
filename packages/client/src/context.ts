/** The `fetch` this client calls: the global one by default, or any compatible function. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** What every request of one client shares: the endpoint, outer headers and the fetch to use. */
export interface ClientContext {
  /** The batch endpoint url. */
  readonly url: string;
  /** Headers put on every outer request (for example `Authorization`). */
  readonly headers: Readonly<Record<string, string>>;
  /** The fetch implementation. */
  readonly fetch: FetchLike;
}
