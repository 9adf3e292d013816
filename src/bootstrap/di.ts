// tsyringe needs the Reflect metadata polyfill loaded before it; importing it only through here keeps the order right.
import 'reflect-metadata';

export { container as rootContainer, instanceCachingFactory, type DependencyContainer } from 'tsyringe';
