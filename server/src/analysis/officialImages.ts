/**
 * Names of Docker Official Images (Docker Hub `library/` repositories, as listed in
 * docker-library/official-images `library/`), including deprecated ones that old Dockerfiles still
 * use (`java`, `jenkins`, `centos`, `openjdk`, …). Used to tell a plausible image reference from a
 * misspelt stage name: `FROM buidler` is a typo, `FROM golang` is not. `scratch` is not an image but
 * a reserved name and is not listed.
 */
export const KNOWN_OFFICIAL_IMAGES: ReadonlySet<string> = new Set([
  'adminer', 'aerospike', 'almalinux', 'alpine', 'alt', 'amazoncorretto', 'amazonlinux', 'api-firewall', 'arangodb',
  'archlinux', 'backdrop', 'bash', 'bonita', 'buildpack-deps', 'busybox', 'caddy', 'cassandra', 'centos', 'chronograf',
  'cirros', 'clearlinux', 'clefos', 'clickhouse', 'clojure', 'composer', 'consul', 'convertigo', 'couchbase', 'couchdb',
  'crate', 'dart', 'debian', 'docker', 'drupal', 'eclipse-mosquitto', 'eclipse-temurin', 'eggdrop', 'elasticsearch',
  'elixir', 'emqx', 'erlang', 'fedora', 'flink', 'fluentd', 'friendica', 'gazebo', 'gcc', 'geonetwork', 'ghost',
  'golang', 'gradle', 'groovy', 'haproxy', 'haskell', 'haxe', 'hello-world', 'hitch', 'httpd', 'hylang',
  'ibm-semeru-runtimes', 'ibmjava', 'influxdb', 'irssi', 'java', 'jenkins', 'jetty', 'joomla', 'jruby', 'julia',
  'kapacitor', 'kibana', 'kong', 'krakend', 'lightstreamer', 'liquibase', 'logstash', 'mageia', 'mariadb', 'matomo',
  'maven', 'mediawiki', 'memcached', 'mongo', 'mongo-express', 'monica', 'mono', 'mysql', 'nats', 'nats-streaming',
  'neo4j', 'neurodebian', 'nextcloud', 'nginx', 'node', 'notary', 'nuxeo', 'odoo', 'open-liberty', 'openjdk',
  'opensuse', 'oraclelinux', 'orientdb', 'owncloud', 'percona', 'perl', 'photon', 'php', 'php-zendserver',
  'phpmyadmin', 'piwik', 'plone', 'postfixadmin', 'postgres', 'pypy', 'python', 'r-base', 'rabbitmq', 'rakudo-star',
  'redis', 'redmine', 'registry', 'rethinkdb', 'rocket.chat', 'rockylinux', 'ros', 'ruby', 'rust', 'sapmachine',
  'satosa', 'silverpeas', 'sl', 'solr', 'sonarqube', 'sourcemage', 'spiped', 'storm', 'swift', 'swipl', 'teamspeak',
  'telegraf', 'thrift', 'tomcat', 'tomee', 'traefik', 'ubuntu', 'unit', 'valkey', 'varnish', 'vault',
  'websphere-liberty', 'wordpress', 'xwiki', 'yourls', 'znc', 'zookeeper',
]);
