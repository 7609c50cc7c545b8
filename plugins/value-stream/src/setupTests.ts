import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Rendering the whole tab with its charts takes seconds on a loaded 2-core CI machine:
// give tests and `findBy…` queries room, so only a real failure fails.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 10_000 });
