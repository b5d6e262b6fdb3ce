import { render } from 'preact';
import { PopupApp } from '../../src/popup/Popup';
import '../../src/ui/base.css';

render(<PopupApp />, document.getElementById('app')!);
