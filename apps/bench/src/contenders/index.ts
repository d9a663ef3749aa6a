import { batchwireGateway, batchwireInProcess } from './batchwire.js';
import {
  batchwireExpress4,
  batchwireFastify,
  batchwireHono,
  fastifyInject,
  fastifySeparate,
  honoSeparate,
} from './hosts.js';
import { batchRequest, expressBatch, multifetch } from './peers.js';
import { http2Multiplexed, separateKeepAlive } from './separate.js';
import type { Contender } from './types.js';

/** Every contender, in the order the table lists them. */
export const CONTENDERS: readonly Contender[] = [
  batchwireInProcess,
  batchwireGateway,
  expressBatch,
  batchRequest,
  multifetch,
  separateKeepAlive,
  http2Multiplexed,
  batchwireExpress4,
  batchwireFastify,
  fastifySeparate,
  fastifyInject,
  batchwireHono,
  honoSeparate,
];

export type { BatchContender, Contender, ContenderId, HttpCall, SeparateContender } from './types.js';
