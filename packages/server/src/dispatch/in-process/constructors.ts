import { IncomingMessage, ServerResponse } from 'node:http';
import { initRequestFields } from './request.js';
import { initResponseFields } from './response.js';

/** Makes request and response objects whose prototypes are an app's own. */
export interface Constructors {
  readonly request: (socket: unknown) => IncomingMessage;
  readonly response: (req: IncomingMessage) => ServerResponse;
}

/** The prototypes an app gives its request and response objects (Express: `app.request`, `app.response`). */
export interface Prototypes {
  readonly request?: object;
  readonly response?: object;
}

const cache = new WeakMap<Prototypes, Constructors>();

/**
 * Constructors for objects born with an app's request and response prototypes. Express otherwise
 * swaps the prototype of each fully built object, which V8 punishes more than the whole dispatch
 * costs; and `new` on a constructor (not `Object.create`) lets V8 lay the fields out in-object.
 */
export function constructorsFor(app: Prototypes): Constructors {
  const cached = cache.get(app);
  if (cached !== undefined) return cached;
  // Old-style constructor functions: the way to give `new` a chosen prototype object.
  function InnerRequest(this: IncomingMessage, socket: unknown) {
    IncomingMessage.call(this, socket as ConstructorParameters<typeof IncomingMessage>[0]);
    initRequestFields(this);
  }
  InnerRequest.prototype = app.request ?? IncomingMessage.prototype;
  // V8 sizes a constructor's objects from the `this.x =` count of every function on the
  // constructor's own prototype chain: without this link the objects start with no in-object
  // room, and Node's symbol-keyed fields then turn them into slow dictionary-mode objects.
  Object.setPrototypeOf(InnerRequest, IncomingMessage);
  function InnerResponse(this: ServerResponse, req: IncomingMessage) {
    ServerResponse.call(this, req);
    initResponseFields(this);
  }
  InnerResponse.prototype = app.response ?? ServerResponse.prototype;
  Object.setPrototypeOf(InnerResponse, ServerResponse);
  const RequestCtor = InnerRequest as unknown as new (socket: unknown) => IncomingMessage;
  const ResponseCtor = InnerResponse as unknown as new (req: IncomingMessage) => ServerResponse;
  const made: Constructors = {
    request: (socket) => new RequestCtor(socket),
    response: (req) => new ResponseCtor(req),
  };
  cache.set(app, made);
  return made;
}
