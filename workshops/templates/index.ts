export * from './types';
export * from './canvas';
export * from './registry';
export * from './apply';
export { PROFILE_COUNT } from './empathise';
export { DESIGN_AREA_COUNT, DESIGN_W, DESIGN_H, IDEAS_BOX } from './prototype';
export { DESIGNS_BOX } from './test-stage';
export { displayText, localizeShipped } from './display';
