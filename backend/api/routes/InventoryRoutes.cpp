#include "Routes.h"

#include "api/JsonKeys.h"
#include "api/JsonMapping.h"
#include "api/RequestInput.h"
#include "api/Router.h"
#include "inventory/InventoryService.h"

#include <memory>

namespace NeoCloud {
namespace {

template<typename T>
ApiResponse answer(const Result<Page<T>> &result)
{
    if (!result)
        return ApiResponse::error(result.error());
    return ApiResponse::json(pageToJson(*result));
}

// Lists the contract returns whole are still paged on the way out, so every list honours
// limit/offset the same way.
template<typename T>
ApiResponse answerPaged(const Result<QList<T>> &result, const ApiRequest &request)
{
    if (!result)
        return ApiResponse::error(result.error());
    const Result<Paging> paging = readPaging(request);
    if (!paging)
        return ApiResponse::error(paging.error());
    Page<T> page{result->mid(paging->offset, paging->limit), int(result->size())};
    return ApiResponse::json(pageToJson(page));
}

} // namespace

void registerInventoryRoutes(Router &router, InventoryService &inventory)
{
    // GET /api/v1/sites?limit=&offset= -> {items: [site], total}
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/sites"), Access::Operator,
               [&inventory](const ApiRequest &request) {
                   return answerPaged(inventory.sites(), request);
               });

    // GET /api/v1/racks?site=&limit=&offset= -> {items: [rack], total}
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/racks"), Access::Operator,
               [&inventory](const ApiRequest &request) {
                   return answerPaged(inventory.racks(request.queryValue(QStringLiteral("site"))),
                                      request);
               });

    // GET /api/v1/devices?kind=&rack=&site=&q=&limit=&offset= -> {items: [device], total}
    // The JSON of the last few pages, kept until the store changes: building and serialising 100
    // devices' objects was 85 % of a page served from the repository's page cache (perf, 10,000
    // devices under wrk). Every operator gets the same bytes for the same query.
    struct PageBytes
    {
        std::pair<qint64, qint64> stamp{-1, -1};
        QHash<QString, QByteArray> pages;
    };
    auto pageBytes = std::make_shared<PageBytes>();
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/devices"), Access::Operator,
               [&inventory, pageBytes](const ApiRequest &request) {
                   const auto kind = readEnumFilter<DeviceKind>(request, QStringLiteral("kind"));
                   if (!kind)
                       return ApiResponse::error(kind.error());
                   const auto paging = readPaging(request);
                   if (!paging)
                       return ApiResponse::error(paging.error());
                   DeviceQuery query;
                   query.kind = *kind;
                   query.siteId = request.queryValue(QStringLiteral("site"));
                   query.rackId = request.queryValue(QStringLiteral("rack"));
                   query.text = request.queryValue(QStringLiteral("q"));
                   query.limit = paging->limit;
                   query.offset = paging->offset;
                   // Taken before the read: a write in between changes the stamp, so what is
                   // kept here is dropped by the next request rather than served stale.
                   const auto stamp = inventory.changeStamp();
                   if (stamp && *stamp != pageBytes->stamp) {
                       pageBytes->stamp = *stamp;
                       pageBytes->pages.clear();
                   }
                   const QString key = InventoryService::pageKey(query);
                   if (stamp)
                       if (const auto kept = pageBytes->pages.constFind(key); kept != pageBytes->pages.cend())
                           return ApiResponse{200, *kept, "application/json", {}};
                   ApiResponse response = answer(inventory.devices(query));
                   if (stamp && response.status == 200 && pageBytes->pages.size() < 32)
                       pageBytes->pages.insert(key, response.body);
                   return response;
               });

    // GET /api/v1/devices/{id} -> device with components and ports
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/devices/{id}"), Access::Operator,
               [&inventory](const ApiRequest &request) {
                   const auto device = inventory.device(request.param(QStringLiteral("id")));
                   if (!device)
                       return ApiResponse::error(device.error());
                   return ApiResponse::json(toJson(*device, true));
               });

    // GET /api/v1/topology?site= -> {nodes: [device], links: [link]} for graph views; whole,
    // not paged, since a graph needs every node.
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/topology"), Access::Operator,
               [&inventory](const ApiRequest &request) {
                   DeviceQuery query;
                   query.siteId = request.queryValue(QStringLiteral("site"));
                   query.limit = 1000;
                   QJsonArray nodes;
                   for (int total = 1; query.offset < total; query.offset += query.limit) {
                       const auto page = inventory.devices(query);
                       if (!page)
                           return ApiResponse::error(page.error());
                       total = page->total;
                       for (const Device &d : page->items)
                           nodes.append(toJson(d));
                   }
                   const auto links = inventory.links(query.siteId);
                   if (!links)
                       return ApiResponse::error(links.error());
                   QJsonArray edges;
                   for (const Link &l : *links)
                       edges.append(toJson(l));
                   return ApiResponse::json(QJsonObject{{Key::nodes, nodes}, {Key::links, edges}});
               });

    // GET /api/v1/links?site=&limit=&offset= -> {items: [link], total}
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/links"), Access::Operator,
               [&inventory](const ApiRequest &request) {
                   return answerPaged(inventory.links(request.queryValue(QStringLiteral("site"))),
                                      request);
               });
}

} // namespace NeoCloud
