import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import valueStreamPlugin from '@valuestream/backstage-plugin-value-stream/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';

// Plugins listed in package.json are also discovered (`app.packages: all`);
// listing these explicitly keeps them when discovery is narrowed or off.
// The app deduplicates plugins by id.
export default createApp({
  features: [catalogPlugin, valueStreamPlugin, navModule, homeModule],
});
