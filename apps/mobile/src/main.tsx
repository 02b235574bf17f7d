import { mountApp } from '@ciao/front-common';
import { App } from './app/app';
import './i18n/i18n';
import './styles.css';

mountApp(<App />);
