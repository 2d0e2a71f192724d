import { App } from './app';

/** The staff console: one App per page load; a sign-out reloads the page so nothing stays in memory. */
void new App().start();
