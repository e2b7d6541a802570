/** @module store — keyv-backed stores. */
export { openKeyv, type KeyvLocation } from './keyv.ts';
export { ClaimStore } from './claims.ts';
