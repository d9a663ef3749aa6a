import { isJsonMediaType } from '@batchwire/schema';
import express, { type Request, type Response, type Router } from 'express';
import { jsonBody } from '../http/body-parsers.js';
import { fieldProblem, httpProblem, sendProblem } from '../http/problem.js';
import { requireDemoToken } from './auth.js';
import { type BlogStore, createBlogStore } from './store.js';
import { isPositiveInteger, validateEntryInput } from './validate.js';

function parseId(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,14}$/.test(value)) return undefined;
  const id = Number(value);
  return isPositiveInteger(id) ? id : undefined;
}

/** Answers 400 for a malformed id and returns `undefined`, or returns the id. */
function requireId(req: Request, res: Response): number | undefined {
  const id = parseId(req.params.id);
  if (id === undefined) sendProblem(res, fieldProblem('/id', 'id must be a positive integer', 'entry.id'));
  return id;
}

/** Answers 415 or 400 for a body that is not a valid entry and returns `undefined`. */
function requireEntryInput(req: Request, res: Response): ReturnType<typeof validateEntryInput> | undefined {
  if (!isJsonMediaType(req.headers['content-type'])) {
    sendProblem(res, httpProblem(415, 'An entry must be sent as application/json.'));
    return undefined;
  }
  const result = validateEntryInput(req.body);
  if (!result.ok) sendProblem(res, httpProblem(400, 'The entry is not valid.', result.errors));
  return result;
}

const entryNotFound = (id: number) => httpProblem(404, `There is no blog entry ${id}.`);

/**
 * The demo blogs API, relative to `/blogs`: `GET /entries?groupId=`, `GET|PUT|DELETE /entries/:id`
 * and `POST /entries`. Reads are open; writes need `Authorization: Bearer demo-token`.
 */
export function blogsRouter(store: BlogStore = createBlogStore()): Router {
  const router = express.Router();
  const auth = requireDemoToken();
  router.use(jsonBody());

  router.get('/entries', (req, res) => {
    const raw = req.query.groupId;
    if (raw === undefined) {
      res.json(store.list());
      return;
    }
    const groupId = parseId(raw);
    if (groupId === undefined) {
      sendProblem(
        res,
        fieldProblem('/groupId', 'query parameter groupId must be a positive integer', 'entry.groupId'),
      );
      return;
    }
    res.json(store.list(groupId));
  });

  router.post('/entries', auth, (req, res) => {
    const input = requireEntryInput(req, res);
    if (input === undefined || !input.ok) return;
    const entry = store.create(input.value);
    if (entry === undefined) {
      sendProblem(res, httpProblem(507, 'The demo store holds as many entries as it may.'));
      return;
    }
    res.status(201).location(`${req.baseUrl}/entries/${entry.id}`).json(entry);
  });

  router.get('/entries/:id', (req, res) => {
    const id = requireId(req, res);
    if (id === undefined) return;
    const entry = store.get(id);
    if (entry === undefined) sendProblem(res, entryNotFound(id));
    else res.json(entry);
  });

  router.put('/entries/:id', auth, (req, res) => {
    const id = requireId(req, res);
    if (id === undefined) return;
    const input = requireEntryInput(req, res);
    if (input === undefined || !input.ok) return;
    const entry = store.replace(id, input.value);
    if (entry === undefined) sendProblem(res, entryNotFound(id));
    else res.json(entry);
  });

  router.delete('/entries/:id', auth, (req, res) => {
    const id = requireId(req, res);
    if (id === undefined) return;
    if (store.remove(id)) res.status(204).end();
    else sendProblem(res, entryNotFound(id));
  });

  return router;
}
