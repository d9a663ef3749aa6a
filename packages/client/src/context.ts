/** `fetch`'s `credentials` modes. */
export type Credentials = 'omit' | 'same-origin' | 'include';

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
  /** Longest wait for each outer request, answer body included (none when undefined). */
  readonly timeoutMs: number | undefined;
  /** `fetch`'s `credentials` mode for every outer request (cookie-authenticated APIs need `"include"`). */
  readonly credentials: Credentials | undefined;
}
