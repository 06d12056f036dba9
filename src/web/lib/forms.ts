/**
 * Maps an API error onto an antd form: `details` with a field path ("org.name",
 * "newOrgs.0.code") go under the matching field; everything else is returned for display.
 */
import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from './api';

export type NamePath = (string | number)[];

export function fieldPath(field: string): NamePath {
  return field
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export interface UnmappedError {
  message: string;
  /** details that did not match a form field, to show under the general message */
  extra: string[];
  requestId: string | null;
}

/**
 * Puts the server's field messages on the form fields that exist (`knownFields` decides; by
 * default every field the form has registered). Returns what could not be placed.
 */
export function applyApiError(
  form: FormInstance,
  error: unknown,
  knownFields?: (path: NamePath) => boolean,
): UnmappedError {
  if (!(error instanceof ApiError)) return { message: errorMessage(error), extra: [], requestId: null };
  const extra: string[] = [];
  const fields: { name: NamePath; errors: string[] }[] = [];
  // every field the form has registered, as JSON keys of their name paths
  const registeredKeys = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  const registered = (path: NamePath) => registeredKeys.has(JSON.stringify(path));
  const isKnown = knownFields ?? registered;
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  for (const detail of error.details ?? []) {
    const path = fieldPath(detail.field);
    if (path.length > 0 && isKnown(path)) {
      const key = JSON.stringify(path);
      const entry = byField.get(key) ?? { name: path, errors: [] };
      entry.errors.push(detail.message);
      byField.set(key, entry);
    } else {
      extra.push(detail.field ? `${detail.field}: ${detail.message}` : detail.message);
    }
  }
  fields.push(...byField.values());
  if (fields.length > 0) form.setFields(fields as never);
  return { message: error.message, extra, requestId: error.requestId };
}
