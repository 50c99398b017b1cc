/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The logged-in user, when the session cookie is valid. */
    user?: import('./server/db/schema.ts').User;
    /** The session cookie's token, kept to regenerate or end the session. */
    sessionToken?: string;
  }
}

/** Astro components imported from TypeScript (the live check renders them with the container API); astro check types them fully. */
declare module '*.astro' {
  const component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default component;
}
