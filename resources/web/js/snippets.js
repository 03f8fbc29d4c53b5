// Connection snippets for a tenant's service: what a tenant's engineer pastes into a shell or a
// config file to reach it. Built from the service's endpoints as the API returns them
// (GET /api/v1/tenants/{id}/services); the access key id is filled in when the tenant has one,
// the secret never is (it is shown once, when the key is made or rotated).

const slug = (text) => String(text ?? 'data').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'data';

function objectStorage(e, key) {
  const endpoint = e.s3;
  const bucket = e.bucket ?? 'BUCKET';
  return [
    { title: 'AWS CLI', text: [
      `export AWS_ACCESS_KEY_ID=${key ?? 'YOUR_ACCESS_KEY_ID'}`,
      'export AWS_SECRET_ACCESS_KEY=YOUR_SECRET_KEY',
      `aws --endpoint-url ${endpoint} s3 ls s3://${bucket}/`,
      `aws --endpoint-url ${endpoint} s3 cp ./model.safetensors s3://${bucket}/models/`,
    ].join('\n') },
    { title: 'Python (boto3)', text: [
      'import boto3',
      `s3 = boto3.client("s3", endpoint_url="${endpoint}",`,
      `                  aws_access_key_id="${key ?? 'YOUR_ACCESS_KEY_ID'}",`,
      '                  aws_secret_access_key="YOUR_SECRET_KEY")',
      `for item in s3.list_objects_v2(Bucket="${bucket}").get("Contents", []):`,
      '    print(item["Key"])',
    ].join('\n') },
  ];
}

function fileStorage(e) {
  const out = [];
  if (e.nfs) {
    const [host, ...rest] = String(e.nfs).split(':');
    const path = rest.join(':');
    const mountPoint = `/mnt/${slug(path.split('/').filter(Boolean).pop())}`;
    out.push({ title: 'NFS mount', text: [
      `sudo mkdir -p ${mountPoint}`,
      `sudo mount -t nfs -o vers=3,proto=tcp,nconnect=8 ${host}:${path} ${mountPoint}`,
    ].join('\n') });
    out.push({ title: '/etc/fstab', text: `${host}:${path}  ${mountPoint}  nfs  vers=3,proto=tcp,nconnect=8,_netdev  0 0` });
  }
  if (e.smb) {
    const unc = String(e.smb);
    out.push({ title: 'SMB mount', text: [
      'sudo mkdir -p /mnt/share',
      `sudo mount -t cifs '${unc.replaceAll('\\', '/')}' /mnt/share -o username=YOUR_USER,vers=3.1.1`,
    ].join('\n') });
  }
  return out;
}

function blockStorage(e) {
  const [host, port] = String(e.nvmeTcp ?? '').split(':');
  return [{ title: 'NVMe over TCP', text: [
    'sudo modprobe nvme-tcp',
    `sudo nvme discover -t tcp -a ${host} -s ${port || 4420}`,
    `sudo nvme connect -t tcp -a ${host} -s ${port || 4420} -n ${e.subsystem}`,
    'sudo nvme list',
  ].join('\n') }];
}

function eventStreaming(e, key) {
  const bootstrap = e.kafkaBootstrap;
  return [
    { title: 'Kafka console tools', text: [
      `kafka-topics.sh --bootstrap-server ${bootstrap} --list`,
      `kafka-console-producer.sh --bootstrap-server ${bootstrap} --topic events`,
      `kafka-console-consumer.sh --bootstrap-server ${bootstrap} --topic events --from-beginning`,
    ].join('\n') },
    { title: 'client.properties', text: [
      `bootstrap.servers=${bootstrap}`,
      '# topics are tables in the event database:',
      `# ${e.database ?? ''}`,
      key ? `# access key: ${key}` : null,
    ].filter(Boolean).join('\n') },
  ];
}

function database(e, key) {
  const endpoint = e.endpoint;
  const bucket = e.bucket ?? 'BUCKET';
  return [
    { title: 'Trino catalog (etc/catalog/vast.properties)', text: [
      'connector.name=vast',
      `endpoint=${endpoint}`,
      `data-endpoints=${endpoint}`,
      `access-key-id=${key ?? 'YOUR_ACCESS_KEY_ID'}`,
      'secret-access-key=YOUR_SECRET_KEY',
    ].join('\n') },
    { title: 'Trino CLI', text: `trino --catalog vast --schema '${bucket}/default' --execute 'SHOW TABLES'` },
    { title: 'Spark', text: [
      `spark.ndb.endpoint=${endpoint}`,
      `spark.ndb.data_endpoints=${endpoint}`,
      `spark.ndb.access_key_id=${key ?? 'YOUR_ACCESS_KEY_ID'}`,
      'spark.ndb.secret_access_key=YOUR_SECRET_KEY',
    ].join('\n') },
  ];
}

function telemetry(e) {
  return [{ title: 'Where your metrics land', text: [
    `# metrics database: ${e.metricsDatabase}`,
    `# query it through the S3 and table endpoint ${e.endpoint}`,
    `curl -s ${e.endpoint}/`,
  ].join('\n') }];
}

function functions(e) {
  const list = Array.isArray(e.functions) ? e.functions : [];
  if (list.length === 0) return [];
  return [{ title: 'Your functions', text: list.map((f) => (typeof f === 'string' ? f : JSON.stringify(f))).join('\n') }];
}

const byKind = {
  'object-storage': objectStorage,
  'file-storage': fileStorage,
  'block-storage': blockStorage,
  'event-streaming': eventStreaming,
  database,
  telemetry,
  functions,
};

// [{title, text}] for a service, or [] when there is nothing to connect to yet.
export function snippetsFor(service, accessKey) {
  const endpoints = service?.endpoints ?? {};
  if (Object.keys(endpoints).length === 0) return [];
  return (byKind[service.kind] ?? (() => []))(endpoints, accessKey);
}
