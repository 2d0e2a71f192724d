import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { invalidInput } from '@prystan/contract';

const PRIMITIVES = new Set<unknown>([String, Number, Boolean, Object, Array]);

/** One line naming every bad field (never echoing the value, which could be message text). */
export function describeErrors(errors: ValidationError[], parent = ''): string {
  return errors
    .flatMap((e) => {
      const path = parent ? `${parent}.${e.property}` : e.property;
      if (e.children?.length) return [describeErrors(e.children, path)];
      const reasons = Object.values(e.constraints ?? {});
      const whitelist = e.constraints?.whitelistValidation;
      return [whitelist ? `${path} is not a known field` : reasons.map((r) => r.replace(e.property, path)).join('; ')];
    })
    .join('; ');
}

/**
 * The path of the first `null` inside a payload, if any. No field of the contract takes null
 * (an optional field is left out), and class-validator's `@IsOptional()` would let one through
 * to code that expects a value. Iterative, so a deeply nested payload cannot exhaust the stack.
 */
export function nullPath(payload: object): string | undefined {
  const stack: [unknown, string][] = [[payload, '']];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (value === null) return path || 'the payload';
    if (typeof value !== 'object') continue;
    for (const [key, child] of Object.entries(value)) stack.push([child, path ? `${path}.${key}` : key]);
  }
  return undefined;
}

/**
 * Validates a body or socket payload against its contract class: it must be a JSON object,
 * with only known fields, each valid. Anything else is `invalid_input`, never a crash.
 */
@Injectable()
export class ContractPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const metatype = metadata.metatype;
    if (!metatype || PRIMITIVES.has(metatype) || (metadata.type !== 'body' && metadata.type !== 'query')) return value;
    if (value instanceof metatype) return value; // already validated (global pipe and gateway pipe)
    const payload = value === undefined ? {} : value;
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
      throw invalidInput('the payload must be a JSON object');
    }
    const nullAt = nullPath(payload);
    if (nullAt) throw invalidInput(`${nullAt.slice(0, 100)} must not be null (leave an optional field out)`);
    const instance = plainToInstance(metatype, payload, { enableImplicitConversion: false });
    const errors = validateSync(instance as object, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
    if (errors.length > 0) throw invalidInput(describeErrors(errors).slice(0, 500));
    return instance;
  }
}
