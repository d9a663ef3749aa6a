import request, { type Response } from 'supertest';

/** One entry of a consolidated response, as the tests read it. */
export type BatchItem = {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  bodyEncoding?: string;
};

/** POSTs a batch to `origin/batch` (expecting 200) and looks its entries up by id. */
export async function postBatch(
  origin: string,
  requests: unknown[],
  headers: Record<string, string> = {},
): Promise<{ res: Response; item: (id: string) => BatchItem }> {
  const res = await request(origin).post('/batch').set(headers).send({ requests }).expect(200);
  const byId = new Map((res.body.responses as BatchItem[]).map((item) => [item.id, item]));
  return { res, item: (id: string) => byId.get(id)! };
}
