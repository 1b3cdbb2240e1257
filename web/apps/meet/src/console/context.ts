import { createContext, useContext } from 'react';
import { ConsoleApi } from './api';

export const ConsoleContext = createContext<ConsoleApi>(new ConsoleApi());
export const useConsoleApi = () => useContext(ConsoleContext);
