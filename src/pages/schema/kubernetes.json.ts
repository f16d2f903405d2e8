// /schema/kubernetes.json: generated when the site is built and served from
// our own origin, so the editor works offline and never asks a CDN.
import type { APIRoute } from 'astro';
import { kubernetesSchema } from '../../schema/kubernetes.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(kubernetesSchema()), {
    headers: { 'Content-Type': 'application/schema+json' },
  });
