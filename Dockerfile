# The portal's production image: build with the .NET SDK, run on the ASP.NET runtime.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/BaZhouTalent.Web/BaZhouTalent.Web.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Logs__Directory=/var/log/bazhoutalent
EXPOSE 8080
# Health: GET /healthz answers 200 when the database answers, 503 otherwise; probe it from the orchestrator.
ENTRYPOINT ["dotnet", "BaZhouTalent.Web.dll"]
