import { render } from 'preact';
import { OptionsPage } from '../../src/options/OptionsPage';
import '../../src/ui/base.css';

render(<OptionsPage />, document.getElementById('app')!);
