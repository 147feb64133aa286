/** What KubeMin knows, with JSON Schemas: component types, traits, step types, and the application schema. */
import { Hono } from 'hono';
import { applicationJsonSchema, registrySchemas } from '../src/index.js';
import type { Auth } from './auth.js';

export function createRegistryRoutes(auth: Auth) {
  // plugins register step types at start, so the registries are read per request, not cached
  return new Hono()
    .get('/component-types', auth.require('viewer'), (c) => c.json({ componentTypes: registrySchemas().componentTypes }))
    .get('/traits', auth.require('viewer'), (c) => c.json({ traits: registrySchemas().traits }))
    .get('/step-types', auth.require('viewer'), (c) => c.json({ stepTypes: registrySchemas().stepTypes }))
    .get('/schema', (c) => c.json(applicationJsonSchema(), 200, { 'content-type': 'application/schema+json' }));
}
