import { getMetadataStorage } from 'class-validator';

/** A string longer than any field allows, but small enough for the body limit (64 KiB) and one socket frame. */
export const HUGE = 'x'.repeat(20_000);

type ContractClass = abstract new (...args: never[]) => unknown;

/** Payloads that are not an object with the right fields at all. */
export const NOT_AN_OBJECT: unknown[] = [null, 'text', 42, true, [], [{}], { unknownField: 1 }];

/**
 * Values no field of the declared type takes: other types, and for its own type a size beyond
 * any limit (a huge string, a huge or fractional number, a long array).
 */
function wrongValuesFor(declared: unknown): unknown[] {
  const others = { string: 'a', number: 12345, boolean: true, array: ['a', 'b'], object: { nested: 1 } };
  const not = (kind: keyof typeof others) => Object.entries(others).filter(([k]) => k !== kind).map(([, v]) => v);
  if (declared === Number) return [...not('number'), 1e15, 1.5, -1];
  if (declared === Boolean) return [...not('boolean'), 'true', HUGE];
  if (declared === Array) return [...not('array'), [HUGE], Array.from({ length: 500 }, () => 'a')];
  if (declared === String) return [...not('string'), HUGE];
  return [...not('object'), HUGE]; // a nested contract class
}

/** The fields a contract class validates, read from class-validator's own metadata (the same the pipe uses). */
export function contractFields(type: ContractClass): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(type as unknown as new () => unknown, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

export interface BadPayload { label: string; value: unknown }

/**
 * Every bad payload for a contract class: not an object, an unknown field, and each field
 * alone (so required fields are missing too) with each wrong value for its type, or null
 * (never a value of the contract: an optional field is left out, not sent as null).
 */
export function badPayloads(type: ContractClass | undefined): BadPayload[] {
  const whole = NOT_AN_OBJECT.map((value) => ({ label: JSON.stringify(value), value }));
  if (!type) return whole;
  const perField = contractFields(type).flatMap((field) => [
    ...wrongValuesFor(Reflect.getMetadata('design:type', type.prototype as object, field)).map((wrong) => ({ label: `${field}: ${JSON.stringify(wrong).slice(0, 20)}`, value: { [field]: wrong } })),
    { label: `${field}: null`, value: { [field]: null } },
  ]);
  return [...whole, ...perField];
}

/** Query strings a query class must refuse: an unknown parameter, and each field too long, repeated or invalid. */
export function badQueries(type: ContractClass | undefined): string[] {
  if (!type) return [];
  return ['unknownParameter=1', ...contractFields(type).flatMap((field) => [`${field}=${'9'.repeat(3000)}`, `${field}=a&${field}=b`, `${field}=%00`])];
}
