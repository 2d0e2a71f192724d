import { RequestMethod, type INestApplicationContext } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { WsParamtype } from '@nestjs/websockets/enums/ws-paramtype.enum';
import { GATEWAY_METADATA, GATEWAY_OPTIONS, MESSAGE_MAPPING_METADATA, MESSAGE_METADATA } from '@nestjs/websockets/constants';

type Constructor = abstract new (...args: never[]) => unknown;

/**
 * One HTTP route the gateway serves, as `METHOD /path` with Nest's `:param` placeholders, with
 * the contract classes its body and query are validated against (when it takes them).
 */
export interface HttpRoute { method: string; path: string; key: string; body?: Constructor; query?: Constructor }
/** One client → server socket event, keyed `/namespace event`, with its payload's contract class. */
export interface SocketEvent { namespace: string; event: string; key: string; payload?: Constructor }

/** Built-in types say nothing about a payload's shape; only contract classes are reported. */
const BUILT_INS = new Set<unknown>([Object, String, Number, Boolean, Array, undefined]);

/** The declared type of a handler's argument of one kind (body, query, socket payload), if it is a contract class. */
function argumentClass(owner: Constructor, method: string, kind: number): Constructor | undefined {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, owner, method) ?? {}) as Record<string, { index: number }>;
  const entry = Object.entries(args).find(([key]) => key.split(':')[0] === String(kind));
  if (!entry) return undefined;
  const type = (Reflect.getMetadata('design:paramtypes', owner.prototype as object, method) as unknown[] | undefined)?.[entry[1].index];
  return BUILT_INS.has(type) ? undefined : (type as Constructor);
}

const join = (...parts: string[]) => `/${parts.flatMap((p) => p.split('/')).filter(Boolean).join('/')}`;
const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [String(value ?? '')]);

/** Every class a Nest application holds in a given role (controllers or providers), each once. */
function classesOf(app: INestApplicationContext, role: 'controllers' | 'providers'): Constructor[] {
  const found = new Set<Constructor>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module[role].values()) {
      const type = wrapper.metatype as Constructor | null | undefined;
      if (typeof type === 'function' && type.prototype) found.add(type);
    }
  }
  return [...found];
}

/**
 * The HTTP routes of a Nest application, read from its own controllers' metadata: the list the
 * app serves, so a test that checks every route (the authorization matrix, the malformed-input
 * sweep) cannot drift from the code. Sorted by key.
 */
export function httpRoutes(app: INestApplicationContext): HttpRoute[] {
  const scanner = new MetadataScanner();
  const routes = new Map<string, HttpRoute>();
  for (const controller of classesOf(app, 'controllers')) {
    const prefixes = asList(Reflect.getMetadata(PATH_METADATA, controller));
    for (const name of scanner.getAllMethodNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name] as object;
      const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (requestMethod === undefined) continue;
      const method = RequestMethod[requestMethod];
      for (const prefix of prefixes) {
        for (const sub of asList(Reflect.getMetadata(PATH_METADATA, handler))) {
          const path = join(prefix, sub);
          routes.set(`${method} ${path}`, {
            method, path, key: `${method} ${path}`,
            body: argumentClass(controller, name, RouteParamtypes.BODY), query: argumentClass(controller, name, RouteParamtypes.QUERY),
          });
        }
      }
    }
  }
  return [...routes.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** Every `@SubscribeMessage` of the application's socket gateways, with its namespace. Sorted by key. */
export function socketEvents(app: INestApplicationContext): SocketEvent[] {
  const scanner = new MetadataScanner();
  const events = new Map<string, SocketEvent>();
  for (const provider of classesOf(app, 'providers')) {
    if (!Reflect.getMetadata(GATEWAY_METADATA, provider)) continue;
    const options = (Reflect.getMetadata(GATEWAY_OPTIONS, provider) ?? {}) as { namespace?: unknown };
    const namespace = typeof options.namespace === 'string' ? options.namespace : '/';
    for (const name of scanner.getAllMethodNames(provider.prototype)) {
      const handler = (provider.prototype as Record<string, unknown>)[name] as object;
      if (!Reflect.getMetadata(MESSAGE_MAPPING_METADATA, handler)) continue;
      const event = String(Reflect.getMetadata(MESSAGE_METADATA, handler));
      events.set(`${namespace} ${event}`, { namespace, event, key: `${namespace} ${event}`, payload: argumentClass(provider, name, WsParamtype.PAYLOAD) });
    }
  }
  return [...events.values()].sort((a, b) => a.key.localeCompare(b.key));
}
