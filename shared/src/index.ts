export * from './ruleTypes';
export * from './config';
export * from './settings';
export * from './docsUrl';
export * from './protocol';
