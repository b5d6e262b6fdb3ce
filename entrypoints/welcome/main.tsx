import { render } from 'preact';
import { browser } from 'wxt/browser';
import { WelcomePage } from '../../src/welcome/WelcomePage';
import '../../src/ui/base.css';

render(<WelcomePage openOptions={() => void browser.runtime.openOptionsPage()} />, document.getElementById('app')!);
