/**
 * @batchwire/test-support: helpers the workspace's tests and scripts share instead of copying.
 * @packageDocumentation
 */
export {
  browserAvailable,
  CHROMIUM_FLAGS,
  CHROMIUM_PATH,
  launchChromium,
  type TestBrowser,
} from './chromium.js';
