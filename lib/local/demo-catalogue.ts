/**
 * The demo catalogue of `npm start`, the tests and the benchmark: the five organisations modelled
 * on the services in `/work/shared/seeds`, their teams, and the topics requesters choose from.
 * It is data, in `catalogues/*.yaml` (one file per organisation, `shared.yaml` for the level-1
 * topics), checked by the administration contract as `npm run catalogue -- import` checks them;
 * read once, when this module is first imported.
 */
import { join } from 'node:path';
import { Catalogue } from '../../functions/catalogue/domain/model';
import { readCatalogueDirectory } from '../catalogue/files';

export const DEMO_CATALOGUE_DIR = join(import.meta.dirname, '../../catalogues');

export const DEMO_CATALOGUE: Catalogue = Catalogue.parse(readCatalogueDirectory(DEMO_CATALOGUE_DIR));
