// Draws the charts with ECharts' server-side SVG renderer, for `bake` (src/publish/pictures.rs).
// Reads a JSON array of {width, height, option} on stdin; writes a JSON array of SVG strings.
import * as echarts from 'echarts';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const svgs = JSON.parse(input).map(({ width, height, option }) => {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
});
process.stdout.write(JSON.stringify(svgs));
