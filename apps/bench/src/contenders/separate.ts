import type { SeparateContender } from './types.js';

/** N separate requests over an undici keep-alive Pool (10 connections) to the plain Express 5 app. */
export const separateKeepAlive: SeparateContender = {
  id: 'separate-keepalive',
  label: 'separate requests, HTTP/1.1 keep-alive',
  style: 'separate-h1',
  server: 'upstream',
  cpuServers: ['upstream'],
  workloads: ['get', 'post'],
};

/** The same N requests as streams multiplexed on HTTP/2 (h2c, node:http2; Express cannot serve HTTP/2). */
export const http2Multiplexed: SeparateContender = {
  id: 'http2',
  label: 'separate requests, HTTP/2 multiplexed',
  style: 'separate-h2',
  server: 'http2',
  cpuServers: ['http2'],
  workloads: ['get', 'post'],
};
