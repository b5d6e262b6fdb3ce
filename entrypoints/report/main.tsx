import { render } from 'preact';
import { ReportPage } from '../../src/report/page';
import '../../src/report/report.css';

render(<ReportPage id={new URLSearchParams(location.search).get('id') ?? ''} />, document.getElementById('app')!);
