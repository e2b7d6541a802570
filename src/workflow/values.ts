/**
 * @module workflow/values
 * Type rules for values moving along a workflow: which output types may feed which input types,
 * and coercion of a value to a declared type (with a message saying what was wrong).
 */
import type { FileJson, FileValue, ValueType } from '../catalog/types.ts';

/**
 * Whether an output of type `from` may feed an input of type `to`. Exact matches and `any` always
 * do; widening conversions that lose nothing (integer → number, scalars → string) do too.
 */
export function isAssignable(from: ValueType, to: ValueType): boolean {
  if (from === to || from === 'any' || to === 'any') return true;
  if (to === 'number') return from === 'integer';
  if (to === 'string') return from === 'integer' || from === 'number' || from === 'boolean' || from === 'date';
  if (to === 'date') return from === 'string';
  return false;
}

export function isFileValue(v: unknown): v is FileValue {
  return (
    typeof v === 'object' && v !== null && typeof (v as FileValue).name === 'string' && (v as FileValue).data instanceof Uint8Array
  );
}

/** A file in its JSON form (`{ name, mime, base64 }`), as run records carry it. */
export function isFileJson(v: unknown): v is FileJson {
  return typeof v === 'object' && v !== null && typeof (v as FileJson).base64 === 'string';
}

/** The JSON form of any value: files become `{ name, mime, base64 }`, recursively. */
export function toJsonValue(v: unknown): unknown {
  if (isFileValue(v)) return { name: v.name, mime: v.mime, base64: Buffer.from(v.data).toString('base64') };
  if (Array.isArray(v)) return v.map(toJsonValue);
  if (typeof v === 'object' && v !== null && !(v instanceof Date)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJsonValue(x)]));
  }
  return v;
}

/** Thrown by coerceValue; the caller adds which node and input it was. */
export class CoercionError extends Error {
  override readonly name = 'CoercionError';
}

const show = (v: unknown): string => {
  const s = typeof v === 'string' ? JSON.stringify(v) : isFileValue(v) ? `file "${v.name}"` : JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Coerces `value` to `type`, or throws a CoercionError saying what is wrong.
 * @example
 * coerceValue('42', 'integer'); // 42
 * coerceValue('abc', 'integer'); // throws: "abc" is not an integer
 */
export function coerceValue(value: unknown, type: ValueType): unknown {
  switch (type) {
    case 'any':
      return value;
    case 'string':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      if (value instanceof Date) return value.toISOString();
      if (Array.isArray(value) && value.every((x) => typeof x === 'string')) return value.join('\n');
      if (typeof value === 'object' && value !== null && !isFileValue(value)) return JSON.stringify(value);
      break;
    case 'integer': {
      const n = typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value) ? Number(value) : value;
      if (typeof n === 'number' && Number.isSafeInteger(n)) return n;
      if (typeof n === 'number' && Number.isInteger(n)) throw new CoercionError(`${show(value)} is too large for an integer`);
      break;
    }
    case 'number': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n === 'number' && Number.isFinite(n)) return n;
      break;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string') {
        const s = value.trim().toLowerCase();
        if (['true', 'yes', 'y', '1', 'on'].includes(s)) return true;
        if (['false', 'no', 'n', '0', 'off'].includes(s)) return false;
      }
      if (value === 1 || value === 0) return value === 1;
      break;
    case 'list':
      if (Array.isArray(value)) return value;
      if (typeof value === 'string') {
        const parsed = parseJson(value);
        if (Array.isArray(parsed)) return parsed;
        if (value.trim() === '') return [];
        return value.split(/\s*[,\n]\s*/).filter((s) => s !== '');
      }
      break;
    case 'object':
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
      if (typeof value === 'string') {
        const parsed = parseJson(value);
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed;
      }
      break;
    case 'file':
      if (isFileValue(value)) {
        return { name: value.name, mime: value.mime || 'application/octet-stream', data: Buffer.from(value.data) };
      }
      if (isFileJson(value)) {
        return { name: value.name || 'file', mime: value.mime || 'application/octet-stream', data: Buffer.from(value.base64, 'base64') };
      }
      break;
    case 'date': {
      const s = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value.trim() : undefined;
      if (s !== undefined && ISO_DATE.test(s) && !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s))) return s;
      if (s !== undefined) throw new CoercionError(`${show(value)} is not a date; use ISO 8601 such as 2026-11-25 or 2026-11-25T14:30:00Z`);
      break;
    }
  }
  const article = /^[aeiou]/.test(type) ? 'an' : 'a';
  throw new CoercionError(`${show(value)} is not ${article} ${type}`);
}
