// The composition root: the services, then the handlers built from them. functions/ builds one
// App per process; in-process tests build their own with fakes in the options.
import type { Config } from '../config/config.js';
import { createAppHandlers, type AppHandlers, type AppHandlersOptions } from './app-handlers.js';
import { createAppServices, type AppServices, type AppServicesOptions } from './app-services.js';

export interface App {
  readonly services: AppServices;
  readonly handlers: AppHandlers;
  close(): Promise<void>;
}

export type AppOptions = AppServicesOptions & AppHandlersOptions;

export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const services = await createAppServices(config, options);
  try {
    const handlers = createAppHandlers(services, options);
    return { services, handlers, close: () => services.close() };
  } catch (error) {
    await services.close().catch(() => {});
    throw error;
  }
}
