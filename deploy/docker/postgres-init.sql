-- Run once by the postgres image when its volume is empty (/docker-entrypoint-initdb.d/).
-- Each service owns its database (docs/docker.md); Flyway creates the tables at the service's start.
CREATE DATABASE numi_node1;
CREATE DATABASE numi_node2;
CREATE DATABASE numi_node3;
CREATE DATABASE numi_mempool;
CREATE DATABASE numi_explorer;
CREATE DATABASE numi_pool;
CREATE DATABASE numi_seed;
CREATE DATABASE numi_gateway;
